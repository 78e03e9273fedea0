package dev.mercato.catalog.article;

/** The operating systems an article's software runs on; NA when not applicable. */
public enum OperatingSystem {
    NA, WIN, MAC, LINUX, WIN_MAC, WIN_LINUX, MAC_LINUX, WIN_MAC_LINUX
}

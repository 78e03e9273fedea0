package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mercato.console.web.BarChart;

class BarChartTest {

    private static BarChart chart(String... values) {
        List<BarChart.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new BarChart.Point("p" + i, new BigDecimal(values[i])));
        }
        return BarChart.of("c", "Chart", "units", points);
    }

    @Test
    void theAxisIsRoundedUpToANiceStepAndTheTallestBarReachesNoHigher() {
        BarChart chart = chart("0", "130", "65");

        assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly("0", "50", "100", "150");
        // plot: top 10, height 240 - 10 - 40 = 190; 150 at y=10, 0 at y=200
        assertThat(chart.ticks()).extracting(BarChart.Tick::y).containsExactly("200.0", "136.7", "73.3", "10.0");
        BarChart.Bar tallest = chart.bars().get(1);
        assertThat(Double.parseDouble(tallest.y())).isEqualTo(200 - 190 * 130 / 150.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(Double.parseDouble(tallest.y()) + Double.parseDouble(tallest.height())).isEqualTo(200.0);
        assertThat(chart.bars().get(0).height()).isEqualTo("0.0");
        assertThat(Double.parseDouble(chart.bars().get(2).height()) * 2)
                .isEqualTo(Double.parseDouble(tallest.height()), org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void oneBarPerPointSpreadEvenlyAndLabelsThinnedOut() {
        String[] values = new String[30];
        java.util.Arrays.fill(values, "1");
        BarChart chart = chart(values);

        assertThat(chart.bars()).hasSize(30);
        double slot = (BarChart.WIDTH - 64 - 8) / 30.0;
        assertThat(Double.parseDouble(chart.bars().get(1).x()) - Double.parseDouble(chart.bars().get(0).x()))
                .isEqualTo(slot, org.assertj.core.data.Offset.offset(0.11));
        assertThat(chart.labels()).hasSizeLessThanOrEqualTo(8).first().extracting(BarChart.Label::text).isEqualTo("p0");
    }

    @Test
    void negativeValuesHangBelowTheZeroLine() {
        BarChart chart = chart("-50", "100");

        assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly("-50", "0", "50", "100");
        BarChart.Bar negative = chart.bars().get(0);
        assertThat(negative.y()).isEqualTo(chart.zeroY());
        assertThat(Double.parseDouble(negative.height())).isGreaterThan(0);
    }

    @Test
    void allZeroOrNoPointsStillHaveAnAxis() {
        assertThat(chart("0", "0").ticks()).extracting(BarChart.Tick::value).containsExactly("0", "1");
        assertThat(chart().empty()).isTrue();
    }

    @Test
    void smallAndFractionalValuesGetReadableTicks() {
        assertThat(chart("0.3").ticks()).extracting(BarChart.Tick::value).containsExactly("0", "0.1", "0.2", "0.3");
        assertThat(chart("7.5").ticks()).extracting(BarChart.Tick::value).containsExactly("0", "2", "4", "6", "8");
    }
}

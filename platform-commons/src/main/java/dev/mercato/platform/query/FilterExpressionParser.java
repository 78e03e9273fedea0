package dev.mercato.platform.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mercato.platform.query.FilterLexer.Kind;
import dev.mercato.platform.query.FilterLexer.Token;
import dev.mercato.platform.query.FilterValue.Bool;
import dev.mercato.platform.query.FilterValue.Moment;
import dev.mercato.platform.query.FilterValue.NullLiteral;
import dev.mercato.platform.query.FilterValue.Numeral;
import dev.mercato.platform.query.FilterValue.Text;

/**
 * A recursive-descent parser for the filter expression language (docs/API.md), for example
 * {@code $eq(status,'ACTIVE')-and-$gteq(createdAt,$date_add($date_now(),-30,'day'))}.
 *
 * <pre>
 * expression := conjunction ( '-or-' conjunction )*
 * conjunction:= primary ( '-and-' primary )*
 * primary    := '(' expression ')' | condition
 * condition  := '$' op '(' field ',' value ( ',' value )* ')'      -- several values only for $in
 * value      := 'string' | number | true | false | null | $date_now() | $me()
 *             | $date_add( value , integer , 'unit' )
 * </pre>
 *
 * Recursion only goes through parentheses, and every opening parenthesis counts against
 * {@link QueryLimits#MAX_DEPTH}, so no input can exhaust the stack.
 */
final class FilterExpressionParser {

    private final FilterLexer lexer;
    private final QueryFields fields;
    private final QueryContext context;
    private int depth;
    private int conditions;

    private FilterExpressionParser(String text, QueryFields fields, QueryContext context) {
        this.lexer = new FilterLexer(text);
        this.fields = fields;
        this.context = context;
    }

    static Condition parse(String text, QueryFields fields, QueryContext context) {
        if (text.length() > QueryLimits.MAX_FILTER_LENGTH) {
            throw QueryErrors.filter("longer than " + QueryLimits.MAX_FILTER_LENGTH + " characters");
        }
        FilterExpressionParser parser = new FilterExpressionParser(text, fields, context);
        Condition condition = parser.expression();
        Token end = parser.lexer.next();
        if (end.kind() != Kind.END) {
            throw QueryErrors.filter("expected '-and-', '-or-' or the end of the filter", end.position());
        }
        return condition;
    }

    private Condition expression() {
        List<Condition> parts = new ArrayList<>();
        parts.add(conjunction());
        while (lexer.peek().kind() == Kind.OR) {
            lexer.next();
            parts.add(conjunction());
        }
        return Condition.any(parts);
    }

    private Condition conjunction() {
        List<Condition> parts = new ArrayList<>();
        parts.add(primary());
        while (lexer.peek().kind() == Kind.AND) {
            lexer.next();
            parts.add(primary());
        }
        return Condition.all(parts);
    }

    private Condition primary() {
        Token token = lexer.peek();
        if (token.kind() == Kind.OPEN) {
            open();
            Condition inner = expression();
            close();
            return inner;
        }
        if (token.kind() == Kind.FUNCTION) {
            return condition();
        }
        throw QueryErrors.filter("expected a condition such as $eq(field,'value')", token.position());
    }

    private Condition condition() {
        Token function = lexer.next();
        Operator op = Operator.fromFunctionName(function.text()).orElseThrow(() -> QueryErrors.filter(
                "$" + function.text() + " is not a condition; use $eq, $neq, $gt, $gteq, $lt, $lteq, $like or $in",
                function.position()));
        if (++conditions > QueryLimits.MAX_CONDITIONS) {
            throw QueryErrors.filter("more than " + QueryLimits.MAX_CONDITIONS + " conditions", function.position());
        }
        open();
        Token name = expect(Kind.IDENTIFIER, "a field name");
        QueryField field = fields.field(name.text()).orElseThrow(() -> QueryErrors.filter(
                "unknown filter field " + QueryErrors.quote(name.text()), name.position()));
        expect(Kind.COMMA, "','");
        List<FilterValue> values = new ArrayList<>();
        values.add(value());
        while (op == Operator.IN && lexer.peek().kind() == Kind.COMMA) {
            lexer.next();
            if (values.size() == QueryLimits.MAX_IN_VALUES) {
                throw ConditionFactory.tooManyValues(field);
            }
            values.add(value());
        }
        close(op == Operator.IN ? "',' or ')'" : "')'");
        return ConditionFactory.compare(field, op, op.functionName(), values);
    }

    private FilterValue value() {
        Token token = lexer.next();
        return switch (token.kind()) {
            case STRING -> new Text(token.text());
            case NUMBER -> new Numeral(token.text());
            case FUNCTION -> call(token);
            case IDENTIFIER -> switch (token.text().toLowerCase(Locale.ROOT)) {
                case "true" -> new Bool(true);
                case "false" -> new Bool(false);
                case "null" -> new NullLiteral();
                default -> throw QueryErrors.filter("expected a value; quote text as 'text'", token.position());
            };
            default -> throw QueryErrors.filter("expected a value", token.position());
        };
    }

    private FilterValue call(Token function) {
        return switch (function.text()) {
            case "date_now" -> {
                open();
                close("')'");
                yield new Moment(context.clock().instant());
            }
            case "me" -> {
                open();
                close("')'");
                if (context.me() == null || context.me().isBlank()) {
                    throw QueryErrors.filter("$me() needs an authenticated caller", function.position());
                }
                yield new Text(context.me());
            }
            case "date_add" -> dateAdd(function);
            default -> throw QueryErrors.filter("$" + function.text()
                    + " is not a value; use 'text', a number, true, false, null, $date_now(), $date_add(…) or $me()",
                    function.position());
        };
    }

    /** {@code $date_add(<date>, <integer amount>, '<unit>')}, computed now, in UTC. */
    private FilterValue dateAdd(Token function) {
        open();
        Token baseStart = lexer.peek();
        FilterValue base = value();
        Instant from = switch (base) {
            case Moment moment -> moment.value();
            case Text text -> Values.parseInstant(text.value()).orElseThrow(() -> QueryErrors.filter(
                    "$date_add needs a date such as '2026-01-01' or $date_now()", baseStart.position()));
            default -> throw QueryErrors.filter("$date_add needs a date such as '2026-01-01' or $date_now()",
                    baseStart.position());
        };
        expect(Kind.COMMA, "','");
        Token amountToken = expect(Kind.NUMBER, "a whole number of units");
        long amount = Values.parseLong(amountToken.text()).orElseThrow(() -> QueryErrors.filter(
                "expected a whole number of units", amountToken.position()));
        expect(Kind.COMMA, "','");
        Token unitToken = expect(Kind.STRING, "a unit such as 'day'");
        ChronoUnit unit = Values.parseUnit(unitToken.text()).orElseThrow(() -> QueryErrors.filter(
                "unknown unit; use 'minute', 'hour', 'day', 'week', 'month' or 'year'", unitToken.position()));
        close("')'");
        return new Moment(Values.plus(from, amount, unit).orElseThrow(() -> QueryErrors.filter(
                "$date_add leaves the years 1 to 9999", function.position())));
    }

    private void open() {
        Token token = expect(Kind.OPEN, "'('");
        if (++depth > QueryLimits.MAX_DEPTH) {
            throw QueryErrors.filter("nested deeper than " + QueryLimits.MAX_DEPTH + " levels", token.position());
        }
    }

    private void close() {
        close("')'");
    }

    private void close(String expected) {
        expect(Kind.CLOSE, expected);
        depth--;
    }

    private Token expect(Kind kind, String what) {
        Token token = lexer.next();
        if (token.kind() != kind) {
            throw QueryErrors.filter("expected " + what, token.position());
        }
        return token;
    }
}

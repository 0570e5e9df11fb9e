package dev.vault.cli;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.vault.core.guard.Decision;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;

/**
 * {@code vault guard check --json}: a decision as a JSON object (docs/json.md). A class of its own, so that
 * a check without --json, which starts before every command an agent runs, loads none of it nor Jackson.
 */
final class GuardCheckJson {
    private GuardCheckJson() {
    }

    /** {@code --command}: one object. */
    static void decision(PrintStream out, Decision decision) {
        Json.write(out, json -> {
            json.writeStartObject();
            fields(json, decision);
            json.writeEndObject();
        });
    }

    /** {@code --batch}: one object on one line for the {@code number}th line of input. */
    static void batchLine(Writer out, long number, String command, Decision decision) throws IOException {
        Json.line(out, json -> {
            json.writeStartObject();
            fields(json, decision);
            json.writeNumberField("line", number);
            json.writeStringField("command", command);
            json.writeEndObject();
        });
    }

    private static void fields(JsonGenerator json, Decision decision) throws IOException {
        boolean denied = !decision.allowed();
        json.writeStringField("decision", denied ? "deny" : "allow");
        json.writeStringField("rule", denied ? decision.rule() : null);
        json.writeStringField("reason", denied ? orElse(decision.reason(), "no reason given") : null);
        json.writeStringField("hint", denied ? orElse(decision.alternative(), null) : null);
    }

    private static String orElse(String text, String instead) {
        return text == null || text.isEmpty() ? instead : text;
    }
}

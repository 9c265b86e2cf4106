package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;

/**
 * A path into a JSON config, written as in the error messages: {@code $.agents[0].settings.epsilon}.
 * Keys are letters, digits, {@code _} and {@code -}; {@code [n]} indexes an array. A sweep may only
 * replace what is already there: {@link #set} fails with the deepest part of the path that exists
 * and what it holds, so a typo is caught before any trial runs.
 */
public final class JsonPath {
    private final String text;
    /** Each segment is a String key or an Integer index. */
    private final List<Object> segments;

    private JsonPath(String text, List<Object> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Parses a path; a malformed one is an {@link IllegalArgumentException} whose message says why. */
    public static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) throw new IllegalArgumentException("expected a JSON path starting with \"$\", found \"" + text + "\"");
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < text.length() && isKeyChar(text.charAt(i))) i++;
                if (i == start) throw new IllegalArgumentException("expected a key after \".\" at column " + start + " of \"" + text + "\"");
                segments.add(text.substring(start, i));
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                String inside = close < 0 ? "" : text.substring(i + 1, close);
                if (close < 0 || !inside.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("expected an array index like [0] at column " + i + " of \"" + text + "\"");
                }
                segments.add(Integer.parseInt(inside));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected \"" + c + "\" at column " + i + " of \"" + text + "\" (expected .key or [index])");
            }
        }
        if (segments.isEmpty()) throw new IllegalArgumentException("expected a path below \"$\", found \"$\"");
        return new JsonPath(text, segments);
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** The last key (or index) of the path: a short name for tables and legends. */
    public String leaf() {
        Object last = segments.get(segments.size() - 1);
        return last instanceof Integer n ? "[" + n + "]" : (String) last;
    }

    /** The first key: {@code $.seed} is {@code "seed"}. */
    public Object head() {
        return segments.get(0);
    }

    /**
     * Replaces the value at this path in {@code root} (changed in place). Throws an
     * {@link IllegalArgumentException} naming the deepest existing part when the path is not there.
     */
    public void set(JsonNode root, JsonNode value) {
        JsonNode node = root;
        StringBuilder at = new StringBuilder("$");
        for (int s = 0; s < segments.size(); s++) {
            Object seg = segments.get(s);
            boolean last = s == segments.size() - 1;
            if (seg instanceof String key) {
                if (!(node instanceof ObjectNode obj) || !obj.has(key)) throw missing(at, node, seg);
                if (last) obj.set(key, value.deepCopy());
                else node = obj.get(key);
                at.append('.').append(key);
            } else {
                int index = (Integer) seg;
                if (!(node instanceof ArrayNode arr) || index >= arr.size()) throw missing(at, node, seg);
                if (last) arr.set(index, value.deepCopy());
                else node = arr.get(index);
                at.append('[').append(index).append(']');
            }
        }
    }

    /** The value at this path, or null when it is not there. */
    public JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object seg : segments) {
            node = seg instanceof String key ? (node.isObject() ? node.get(key) : null) : (node.isArray() ? node.get((Integer) seg) : null);
            if (node == null) return null;
        }
        return node;
    }

    private IllegalArgumentException missing(CharSequence at, JsonNode node, Object seg) {
        String holds;
        if (node instanceof ObjectNode obj) {
            StringJoiner keys = new StringJoiner(", ");
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) keys.add(it.next());
            holds = "an object with keys: " + (obj.isEmpty() ? "(none)" : keys);
        } else if (node instanceof ArrayNode arr) {
            holds = "an array of " + arr.size();
        } else {
            holds = node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "null";
        }
        String what = seg instanceof Integer n ? "index [" + n + "]" : "key \"" + seg + "\"";
        return new IllegalArgumentException("not in the base config: " + at + " has no " + what + " (" + at + " is " + holds + ")");
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}

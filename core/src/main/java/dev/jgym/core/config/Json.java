package dev.jgym.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON for configs, options and saved state, through one strict Jackson mapper: unknown keys,
 * wrong types, missing required fields, trailing tokens and duplicate keys are all errors, each
 * turned into a {@link UserError} that names the source, the JSON path and expected versus found.
 */
public final class Json {
    private Json() {}

    /** The strict mapper: no scalar coercion ("5" is not a number, 1.5 not an integer). */
    public static final ObjectMapper MAPPER = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Reads a JSON file into {@code type}; every problem becomes a {@link UserError} naming the file. */
    public static <T> T read(Path file, Class<T> type) {
        return bind(readTree(file), type, file.toString(), "$");
    }

    /** Reads a JSON file as a tree; a missing or malformed file becomes a {@link UserError}. */
    public static JsonNode readTree(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) throw new UserError(file + ": empty file, expected a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new UserError(file + ": not valid JSON" + where + ": " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** A parser's message in the project's words: no feature flags or class names of the JSON library. */
    static String plain(String message) {
        if (message == null) return "unreadable";
        String m = message.replaceAll(":? ?(?:enable|disable) `?[A-Za-z]+\\.[A-Z_]+`? to allow", "")
                .replaceAll(" ?\\(?,? ?from `[A-Za-z]+\\.[A-Za-z]+\\(\\)`\\)?", "")
                .replaceAll("\\(for [a-zA-Z.]+\\)", "");
        if (m.startsWith("Trailing token")) return "more text after the end of the top-level value";
        if (m.startsWith("Document nesting depth")) return "nested deeper than the 1000 levels a config may have";
        if (m.contains("Non-standard token 'NaN'") || m.contains("Non-standard token 'Infinity'") || m.contains("Non-standard token '-Infinity'")) {
            return m.replaceFirst("Non-standard token '([^']+)'.*", "'$1' is not a JSON number (numbers must be finite)");
        }
        return m.strip();
    }

    /**
     * Binds a tree (or a part of one) to {@code type}. {@code source} names where it came from (a
     * file, "options of CartPole-v1") and {@code path} is the JSON path of {@code node} within it,
     * so errors in a nested part still point at the right place.
     */
    public static <T> T bind(JsonNode node, Class<T> type, String source, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new UserError(source + ": " + describe(e, path));
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": " + path + ": " + e.getMessage());
        }
    }

    /** Binds a map of options (already parsed) to {@code type}, as {@link #bind} does. */
    public static <T> T bind(Map<String, ?> values, Class<T> type, String source) {
        return bind(MAPPER.valueToTree(values), type, source, "$");
    }

    /** One line: JSON path, then expected versus found. */
    static String describe(JsonProcessingException e, String basePath) {
        String path = basePath;
        if (e instanceof JsonMappingException m) path = basePath + pathOf(m.getPath());
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException && cause instanceof Check.FieldError fe) {
            return path + "." + fe.field() + ": " + fe.getMessage();
        }
        if (e instanceof ValueInstantiationException && cause != null) {
            return path + ": " + cause.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            // Jackson's path ends at the unknown key itself; the message names the object that holds it
            List<JsonMappingException.Reference> refs = u.getPath();
            path = basePath + pathOf(refs.isEmpty() ? refs : refs.subList(0, refs.size() - 1));
            Collection<Object> known = u.getKnownPropertyIds();
            String expected = known == null || known.isEmpty() ? "" : " (expected one of: " + String.join(", ", sorted(known)) + ")";
            return path + ": unknown key \"" + u.getPropertyName() + "\"" + expected;
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": expected " + typeName(f.getTargetType()) + ", found " + found(f.getValue());
        }
        if (e instanceof MismatchedInputException m) {
            String msg = m.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                int a = msg.indexOf('\''), b = msg.indexOf('\'', a + 1);
                String field = a >= 0 && b > a ? msg.substring(a + 1, b) : "?";
                // Jackson's path may already end at the missing property
                return (path.endsWith("." + field) ? path : path + "." + field) + ": missing (required)";
            }
            return path + ": expected " + typeName(m.getTargetType()) + foundToken(msg);
        }
        Matcher range = OUT_OF_RANGE.matcher(String.valueOf(e.getOriginalMessage()));
        if (range.find()) {
            return path + ": expected an integer in [" + range.group(3) + ", " + range.group(4) + "], found " + range.group(1);
        }
        return path + ": " + e.getOriginalMessage();
    }

    /** Jackson's "Numeric value (99999999999) out of range of int (-2147483648 - 2147483647)". */
    private static final Pattern OUT_OF_RANGE =
            Pattern.compile("^Numeric value \\((\\S+)\\) out of range of (\\w+) \\((-?\\d+) - (-?\\d+)\\)");

    /** Jackson's "Cannot coerce String value ("20x") to `java.lang.Integer` value ...": kind and value. */
    private static final Pattern COERCE = Pattern.compile("^Cannot coerce (\\w+) value \\((.*?)\\) to ");

    private static String foundToken(String jacksonMessage) {
        Matcher coerce = COERCE.matcher(jacksonMessage);
        if (coerce.find()) return ", found " + coerce.group(2); // a string value comes with its quotes
        // Jackson says "... from String value ("abc")" or "... from Array value (token ...)".
        int from = jacksonMessage.indexOf(" from ");
        if (from < 0) return "";
        String rest = jacksonMessage.substring(from + 6);
        int quoteStart = rest.indexOf("(\"");
        int quoteEnd = rest.indexOf("\")");
        if (rest.startsWith("String value") && quoteStart >= 0 && quoteEnd > quoteStart) {
            return ", found \"" + rest.substring(quoteStart + 2, quoteEnd) + "\"";
        }
        int space = rest.indexOf(' ');
        String kind = space > 0 ? rest.substring(0, space) : rest;
        return switch (kind) {
            case "Array" -> ", found an array";
            case "Object" -> ", found an object";
            case "Floating-point" -> ", found a fractional number";
            case "Integer" -> ", found an integer";
            case "Boolean" -> ", found a boolean";
            case "String" -> ", found a string";
            default -> ", found " + kind.toLowerCase();
        };
    }

    private static List<String> sorted(Collection<Object> ids) {
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return List.copyOf(names);
    }

    static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) sb.append('.').append(r.getFieldName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String found(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    static String typeName(Class<?> type) {
        if (type == null) return "a value";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "an integer";
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) return "a number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (Map.class.isAssignableFrom(type)) return "an object";
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of");
            for (Object c : type.getEnumConstants()) sb.append(sb.length() > 6 ? ", " : " ").append(c.toString());
            return sb.toString();
        }
        if (type.isRecord() || !type.isPrimitive()) return "an object";
        return type.getSimpleName();
    }

    /** Writes a value as indented JSON through a temporary file and an atomic rename. */
    public static void write(Path file, Object value) {
        try {
            writeAtomically(file, MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            java.nio.file.attribute.PosixFileAttributeView view =
                    Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class);
            view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Writes bytes so that readers see the old file or the new one, never half of one: first a
     * temporary file in the same folder, then a rename over the target.
     */
    public static void writeAtomically(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                readableByAll(tmp); // createTempFile makes it owner-only (0600); a result file is 0644
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

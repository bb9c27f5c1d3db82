package cn.chengxin.platform.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed between the released OpenAPI document of {@code /api/v1} (the snapshot) and the one the code generates
 * now, sorted into what a client written against the snapshot survives and what it does not (the promise of
 * docs/api-changelog.md; gaps review xxxvii R3). Breaking: a path, an operation, a success status, a parameter, a
 * schema or a field removed; a type or format changed; an enumeration value removed; a request given a new required
 * field or parameter. Everything else (added paths, fields, values, texts) is compatible.
 *
 * <p>Each change is named as the changelog names it: an operation {@code POST /checks} (the path without
 * {@code /api/v1}), a field {@code CheckAnswer.registered}, an enumeration value {@code BatchResult.status=DONE}. A
 * breaking change is accepted once a dated entry of the changelog, dated on or after the snapshot, names it in
 * backquotes.
 */
final class ApiCompatibility {

    private static final String PREFIX = "/api/v1";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One difference; {@code name} is how a changelog entry names it. */
    record Change(boolean breaking, String name, String what) {

        @Override
        public String toString() {
            return "`" + name + "`: " + what;
        }
    }

    private final JsonNode before;
    private final JsonNode after;
    private final Set<String> requestSchemas;
    private final List<Change> changes = new ArrayList<>();

    private ApiCompatibility(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
        this.requestSchemas = requestSchemas(before);
    }

    /** Every difference between the snapshot and the document now, breaking first. */
    static List<Change> compare(JsonNode before, JsonNode after) {
        ApiCompatibility comparison = new ApiCompatibility(before, after);
        comparison.paths();
        comparison.components();
        List<Change> sorted = new ArrayList<>(comparison.changes);
        sorted.sort(java.util.Comparator.comparing((Change c) -> !c.breaking()).thenComparing(Change::name));
        return sorted;
    }

    /**
     * The document as the snapshot keeps it: what depends on the build or the installation (the release in
     * {@code info.version}, the configured {@code servers}) is left out, the rest kept whole.
     */
    static ObjectNode normalised(JsonNode document, LocalDate taken) {
        ObjectNode copy = (ObjectNode) sorted(document);
        copy.remove("servers");
        if (copy.get("info") instanceof ObjectNode info) {
            info.remove("version");
            info.put("x-snapshot-taken", taken.toString());
        }
        return copy;
    }

    /** The day the snapshot was taken, written into it by {@link #normalised}. */
    static LocalDate taken(JsonNode snapshot) {
        return LocalDate.parse(snapshot.path("info").path("x-snapshot-taken").asString());
    }

    /** The same document with every object's members in name order, so that the committed file diffs line by line. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    /**
     * The names in backquotes of the changelog's entries dated on or after {@code since} (under a heading
     * {@code ## YYYY-MM-DD}): the breaking changes announced since the snapshot was taken.
     */
    static Set<String> announcedSince(String changelog, LocalDate since) {
        Set<String> named = new HashSet<>();
        Matcher day = Pattern.compile("(?m)^## (\\d{4}-\\d{2}-\\d{2})\\s*$").matcher(changelog);
        List<int[]> sections = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        while (day.find()) {
            sections.add(new int[] {day.end(), changelog.length()});
            if (sections.size() > 1) {
                sections.get(sections.size() - 2)[1] = day.start();
            }
            dates.add(LocalDate.parse(day.group(1)));
        }
        Pattern quoted = Pattern.compile("`([^`]+)`");
        for (int i = 0; i < sections.size(); i++) {
            if (!dates.get(i).isBefore(since)) {
                Matcher name = quoted.matcher(changelog.substring(sections.get(i)[0], sections.get(i)[1]));
                while (name.find()) {
                    named.add(name.group(1).strip());
                }
            }
        }
        return named;
    }

    private void paths() {
        JsonNode old = before.path("paths");
        JsonNode now = after.path("paths");
        for (String path : old.propertyNames()) {
            for (String method : old.get(path).propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + shortPath(path);
                JsonNode was = old.get(path).get(method);
                JsonNode is = now.path(path).get(method);
                if (is == null) {
                    breaking(operation, "the operation is removed");
                } else {
                    operation(operation, was, is);
                }
            }
        }
        for (String path : now.propertyNames()) {
            for (String method : now.get(path).propertyNames()) {
                if (METHODS.contains(method) && old.path(path).get(method) == null) {
                    compatible(method.toUpperCase(java.util.Locale.ROOT) + " " + shortPath(path),
                            "a new operation");
                }
            }
        }
    }

    private static String shortPath(String path) {
        return path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length()) : path;
    }

    private void operation(String name, JsonNode was, JsonNode is) {
        Map<String, JsonNode> oldParameters = parameters(was);
        Map<String, JsonNode> newParameters = parameters(is);
        oldParameters.forEach((key, parameter) -> {
            JsonNode now = newParameters.get(key);
            String parameterName = name + " " + key;
            if (now == null) {
                breaking(parameterName, "the parameter is removed");
                return;
            }
            if (!parameter.path("required").asBoolean(false) && now.path("required").asBoolean(false)) {
                breaking(parameterName, "the parameter is now required");
            }
            schema(parameterName, parameter.path("schema"), now.path("schema"), true);
        });
        newParameters.forEach((key, parameter) -> {
            if (!oldParameters.containsKey(key)) {
                if (parameter.path("required").asBoolean(false)) {
                    breaking(name + " " + key, "a new required parameter");
                } else {
                    compatible(name + " " + key, "a new optional parameter");
                }
            }
        });
        JsonNode oldBody = was.path("requestBody").path("content");
        JsonNode newBody = is.path("requestBody").path("content");
        for (String media : oldBody.propertyNames()) {
            if (newBody.get(media) == null) {
                breaking(name + " " + media, "the request's media type is no longer taken");
            } else {
                schema(name + " request", oldBody.get(media).path("schema"), newBody.get(media).path("schema"), true);
            }
        }
        if (!was.path("requestBody").path("required").asBoolean(false)
                && is.path("requestBody").path("required").asBoolean(false)) {
            breaking(name + " request", "the request body is now required");
        }
        JsonNode oldResponses = was.path("responses");
        JsonNode newResponses = is.path("responses");
        for (String status : oldResponses.propertyNames()) {
            if (!status.startsWith("2")) {
                continue; // a refusal no longer given is no client's loss
            }
            JsonNode now = newResponses.get(status);
            if (now == null) {
                breaking(name + " " + status, "the success status is no longer answered");
                continue;
            }
            JsonNode oldContent = oldResponses.get(status).path("content");
            for (String media : oldContent.propertyNames()) {
                JsonNode nowMedia = now.path("content").get(media);
                if (nowMedia == null) {
                    breaking(name + " " + status + " " + media, "the answer's media type is no longer given");
                } else {
                    schema(name + " " + status, oldContent.get(media).path("schema"), nowMedia.path("schema"), false);
                }
            }
        }
    }

    private static Map<String, JsonNode> parameters(JsonNode operation) {
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        operation.path("parameters").forEach(p -> byName.put(p.path("in").asString() + ":" + p.path("name")
                .asString(), p));
        return byName;
    }

    private void components() {
        JsonNode old = before.path("components").path("schemas");
        JsonNode now = after.path("components").path("schemas");
        for (String name : old.propertyNames()) {
            if (now.get(name) == null) {
                breaking(name, "the schema is removed");
            } else {
                schema(name, old.get(name), now.get(name), requestSchemas.contains(name));
            }
        }
        for (String name : now.propertyNames()) {
            if (old.get(name) == null) {
                compatible(name, "a new schema");
            }
        }
    }

    /**
     * Compares one schema; {@code request}: clients send it (a new required member breaks them), else they only read
     * it. A schema by reference is compared where it is defined ({@link #components}), only its name here.
     */
    private void schema(String name, JsonNode was, JsonNode is, boolean request) {
        if (was.isMissingNode() || was.isNull()) {
            return;
        }
        if (was.has("$ref") || is.has("$ref")) {
            if (!was.path("$ref").equals(is.path("$ref"))) {
                breaking(name, "the type changed from " + typeOf(was) + " to " + typeOf(is));
            }
            return;
        }
        Set<String> oldTypes = types(was);
        Set<String> newTypes = types(is);
        boolean widenedRequest = request && newTypes.containsAll(oldTypes);
        if ((!oldTypes.equals(newTypes) && !widenedRequest)
                || !was.path("format").equals(is.path("format"))) {
            breaking(name, "the type changed from " + typeOf(was) + " to " + typeOf(is));
            return;
        }
        Set<String> oldValues = values(was.path("enum"));
        Set<String> newValues = values(is.path("enum"));
        for (String value : oldValues) {
            if (!is.path("enum").isMissingNode() && !newValues.contains(value)) {
                breaking(name + "=" + value, "the enumeration value is removed");
            }
        }
        if (!oldValues.isEmpty()) {
            newValues.stream().filter(v -> !oldValues.contains(v))
                    .forEach(v -> compatible(name + "=" + v, "a new enumeration value"));
        }
        JsonNode oldProperties = was.path("properties");
        JsonNode newProperties = is.path("properties");
        for (String property : oldProperties.propertyNames()) {
            JsonNode now = newProperties.get(property);
            if (now == null) {
                breaking(name + "." + property, "the field is removed");
            } else {
                schema(name + "." + property, oldProperties.get(property), now, request);
            }
        }
        Set<String> oldRequired = values(was.path("required"));
        for (String property : newProperties.propertyNames()) {
            boolean required = values(is.path("required")).contains(property);
            if (oldProperties.get(property) == null) {
                if (request && required) {
                    breaking(name + "." + property, "a new required field of a request");
                } else {
                    compatible(name + "." + property, "a new field");
                }
            } else if (request && required && !oldRequired.contains(property)) {
                breaking(name + "." + property, "the request's field is now required");
            }
        }
        schema(name + "[]", was.path("items"), is.path("items"), request);
        if (was.path("additionalProperties").isObject()) {
            schema(name + "{}", was.path("additionalProperties"), is.path("additionalProperties"), request);
        }
        for (String composition : List.of("oneOf", "anyOf", "allOf")) {
            Set<String> oldParts = values(was.path(composition));
            Set<String> newParts = values(is.path(composition));
            if (!newParts.containsAll(oldParts)) {
                breaking(name, "its " + composition + " lost a member");
            }
        }
        if (!was.path("deprecated").asBoolean(false) && is.path("deprecated").asBoolean(false)) {
            compatible(name, "deprecated");
        }
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("$ref")) {
            return schema.get("$ref").asString().replace("#/components/schemas/", "");
        }
        return types(schema) + (schema.has("format") ? " (" + schema.get("format").asString() + ")" : "");
    }

    /** {@code type} as a set: OpenAPI 3.1 writes {@code "string"} or {@code ["string", "null"]}. */
    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? values(type) : type.isMissingNode() ? Set.of() : Set.of(type.asString());
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
        return values;
    }

    /**
     * The schemas a client sends: those a request body or parameter names, and those they name in turn. Such a schema
     * gaining a required member breaks the clients that send it.
     */
    private static Set<String> requestSchemas(JsonNode document) {
        Set<String> found = new HashSet<>();
        List<JsonNode> roots = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operation -> {
            roots.add(operation.path("requestBody"));
            roots.add(operation.path("parameters"));
        }));
        JsonNode schemas = document.path("components").path("schemas");
        java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.has("$ref")) {
                String name = node.get("$ref").asString().replace("#/components/schemas/", "");
                if (found.add(name) && schemas.has(name)) {
                    pending.push(schemas.get(name));
                }
            }
            for (Iterator<JsonNode> children = node.iterator(); children.hasNext(); ) {
                pending.push(children.next());
            }
        }
        return found;
    }

    private void breaking(String name, String what) {
        changes.add(new Change(true, name, what));
    }

    private void compatible(String name, String what) {
        changes.add(new Change(false, name, what));
    }
}

package io.amplify4j.sandbox.dynamodb;

import static io.amplify4j.sandbox.dynamodb.RequestFields.bool;
import static io.amplify4j.sandbox.dynamodb.RequestFields.expression;
import static io.amplify4j.sandbox.dynamodb.RequestFields.list;
import static io.amplify4j.sandbox.dynamodb.RequestFields.map;
import static io.amplify4j.sandbox.dynamodb.RequestFields.optionalInteger;
import static io.amplify4j.sandbox.dynamodb.RequestFields.optionalMap;
import static io.amplify4j.sandbox.dynamodb.RequestFields.optionalString;
import static io.amplify4j.sandbox.dynamodb.RequestFields.required;
import static io.amplify4j.sandbox.dynamodb.RequestFields.requiredMap;
import static io.amplify4j.sandbox.dynamodb.RequestFields.string;

import io.amplify4j.sandbox.dynamodb.expression.Condition;
import io.amplify4j.sandbox.dynamodb.expression.ConditionEvaluator;
import io.amplify4j.sandbox.dynamodb.expression.Documents;
import io.amplify4j.sandbox.dynamodb.expression.ExpressionAttributes;
import io.amplify4j.sandbox.dynamodb.expression.ExpressionException;
import io.amplify4j.sandbox.dynamodb.expression.ExpressionParser;
import io.amplify4j.sandbox.dynamodb.expression.Path;
import io.amplify4j.sandbox.dynamodb.expression.UpdateApplier;
import io.amplify4j.sandbox.dynamodb.expression.UpdateExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs AppSync DynamoDB request objects against a {@link DynamoDbStore}. */
final class Interpreter {
    static final int MAX_PAGE_BYTES = 1024 * 1024;
    static final int MAX_BATCH_GET_KEYS = 100;
    static final int MAX_BATCH_WRITE_ITEMS = 25;
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbStore store;
    private final String tableName;

    Interpreter(DynamoDbStore store, String tableName) {
        this.store = store;
        this.tableName = tableName;
    }

    Object run(Map<String, Object> request) {
        String operation = string(required(request, "operation"), "operation");
        return switch (operation) {
            case "GetItem" -> getItem(request);
            case "PutItem" -> putItem(request);
            case "UpdateItem" -> updateItem(request);
            case "DeleteItem" -> deleteItem(request);
            case "Query" -> query(request);
            case "Scan" -> scan(request);
            case "BatchGetItem" -> batchGetItem(request);
            case "BatchPutItem" -> batchPutItem(request);
            case "BatchDeleteItem" -> batchDeleteItem(request);
            case "TransactGetItems" -> transactGetItems(request);
            case "TransactWriteItems" -> transactWriteItems(request);
            default -> throw DynamoDbError.validation("Unsupported operation '" + operation + "'");
        };
    }

    // ------------------------------------------------------------------------------------------ single items

    private Object getItem(Map<String, Object> request) {
        Table table = store.require(tableName);
        Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(required(request, "key")));
        ExpressionAttributes attributes = new ExpressionAttributes();
        Optional<List<Path>> projection = projection(request, attributes);
        attributes.checkAllUsed();
        Optional<Map<String, AttributeValue>> item = store.readLocked(List.of(tableName), () -> table.get(key));
        return item.map(i -> project(i, projection)).map(AttributeValues::toJson).orElse(null);
    }

    private Object putItem(Map<String, Object> request) {
        Table table = store.require(tableName);
        Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(required(request, "key")));
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        Object values = request.get("attributeValues");
        if (values != null) {
            for (Map.Entry<String, AttributeValue> entry : typedMap(values).entrySet()) {
                item.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        ExpressionAttributes attributes = new ExpressionAttributes();
        Optional<ConditionBlock> condition = condition(request, attributes);
        attributes.checkAllUsed();
        ItemRules.item(table.definition, item);
        return store.writeLocked(List.of(tableName), () -> {
            Optional<Map<String, AttributeValue>> existing = table.get(key);
            if (condition.isPresent() && !condition.get().holds(existing)) {
                return conditionFailed(condition.get(), existing, Optional.of(item));
            }
            store.commit(List.of(Mutation.put(tableName, key, item)));
            return AttributeValues.toJson(item);
        });
    }

    private Object updateItem(Map<String, Object> request) {
        Table table = store.require(tableName);
        Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(required(request, "key")));
        ExpressionAttributes attributes = new ExpressionAttributes();
        String updateText = expression(required(request, "update"), "update", attributes);
        UpdateExpression update = ExpressionParser.parseUpdate(updateText, attributes);
        Optional<ConditionBlock> condition = condition(request, attributes);
        attributes.checkAllUsed();
        UpdateApplier.checkKeys(update, key.keySet());
        return store.writeLocked(List.of(tableName), () -> {
            Optional<Map<String, AttributeValue>> existing = table.get(key);
            if (condition.isPresent() && !condition.get().holds(existing)) {
                Optional<Map<String, AttributeValue>> desired;
                try {
                    desired = existing.map(e -> UpdateApplier.apply(update, e));
                } catch (ExpressionException e) {
                    desired = Optional.empty(); // the update could not apply: the item is not what it would make
                }
                return conditionFailed(condition.get(), existing, desired);
            }
            Map<String, AttributeValue> updated = UpdateApplier.apply(update, existing.orElse(key));
            ItemRules.item(table.definition, updated);
            store.commit(List.of(Mutation.put(tableName, key, updated)));
            return AttributeValues.toJson(updated);
        });
    }

    private Object deleteItem(Map<String, Object> request) {
        Table table = store.require(tableName);
        Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(required(request, "key")));
        ExpressionAttributes attributes = new ExpressionAttributes();
        Optional<ConditionBlock> condition = condition(request, attributes);
        attributes.checkAllUsed();
        return store.writeLocked(List.of(tableName), () -> {
            Optional<Map<String, AttributeValue>> existing = table.get(key);
            if (condition.isPresent() && !condition.get().holds(existing)) {
                return conditionFailed(condition.get(), existing, Optional.empty());
            }
            if (existing.isEmpty()) {
                return null;
            }
            store.commit(List.of(Mutation.delete(tableName, key)));
            return AttributeValues.toJson(existing.get());
        });
    }

    /** A parsed {@code condition} block with AppSync's extras. */
    private record ConditionBlock(Condition condition, List<String> equalsIgnore) {
        boolean holds(Optional<Map<String, AttributeValue>> item) {
            return ConditionEvaluator.evaluate(condition, item.orElse(Map.of()));
        }
    }

    private Optional<ConditionBlock> condition(Map<String, Object> request, ExpressionAttributes attributes) {
        Object block = request.get("condition");
        if (block == null) {
            return Optional.empty();
        }
        String text = expression(block, "condition", attributes);
        Condition condition = ExpressionParser.parseCondition(text, ExpressionParser.CONDITION, attributes);
        List<String> ignore = new ArrayList<>();
        Object equalsIgnore = map(block, "condition").get("equalsIgnore");
        if (equalsIgnore != null) {
            for (Object name : list(equalsIgnore, "condition.equalsIgnore")) {
                ignore.add(string(name, "condition.equalsIgnore"));
            }
        }
        return Optional.of(new ConditionBlock(condition, ignore));
    }

    /**
     * AppSync's handling of a failed condition (strategy Reject): when the item already is what the write would
     * have produced (ignoring {@code equalsIgnore} attributes), the write counts as done and the current item is
     * returned; otherwise the error carries the current item in {@code ctx.result}.
     */
    private static Object conditionFailed(ConditionBlock condition, Optional<Map<String, AttributeValue>> existing,
            Optional<Map<String, AttributeValue>> desired) {
        if (existing.isPresent() && desired.isPresent()
                && withoutIgnored(existing.get(), condition.equalsIgnore())
                        .equals(withoutIgnored(desired.get(), condition.equalsIgnore()))) {
            return AttributeValues.toJson(existing.get());
        }
        throw new DynamoDbError(DynamoDbError.CONDITIONAL_CHECK_FAILED, DynamoDbError.CONDITIONAL_REQUEST_FAILED,
                existing.map(AttributeValues::toJson).orElse(null));
    }

    private static Map<String, AttributeValue> withoutIgnored(Map<String, AttributeValue> item, List<String> ignore) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        ignore.forEach(copy::remove);
        return copy;
    }

    // ------------------------------------------------------------------------------------------ query and scan

    private Object query(Map<String, Object> request) {
        Table table = store.require(tableName);
        ReadPlan plan = readPlan(table, request);
        ExpressionAttributes attributes = plan.attributes;
        String keyText = expression(required(request, "query"), "query", attributes);
        Condition keyCondition = ExpressionParser.parseCondition(keyText, ExpressionParser.KEY_CONDITION, attributes);
        Optional<Condition> filter = filter(request, attributes);
        Optional<List<Path>> projection = projection(request, attributes);
        attributes.checkAllUsed();
        Table.View view = table.view(plan.index);
        KeyConditions.KeyCondition key = KeyConditions.analyze(keyCondition, view.partitionKey(), view.sortKey());
        filter.ifPresent(f -> checkFilterKeys(f, view));
        boolean forward = bool(request, "scanIndexForward", true);
        return store.readLocked(List.of(tableName), () -> {
            Optional<Map<String, AttributeValue>> start = plan.start(view);
            if (start.isPresent() && !start.get().get(view.partitionKey().name()).equals(key.partitionValue())) {
                throw DynamoDbError.validation(NextTokens.INVALID);
            }
            Iterator<Map<String, AttributeValue>> items = view.partition(key.partitionValue(), forward, start);
            return page(plan, view, items, item -> key.sortCondition()
                    .map(c -> ConditionEvaluator.evaluate(c, item)).orElse(true), filter, projection);
        });
    }

    private Object scan(Map<String, Object> request) {
        Table table = store.require(tableName);
        ReadPlan plan = readPlan(table, request);
        ExpressionAttributes attributes = plan.attributes;
        Optional<Condition> filter = filter(request, attributes);
        Optional<List<Path>> projection = projection(request, attributes);
        attributes.checkAllUsed();
        Optional<Long> segment = optionalInteger(request, "segment");
        Optional<Long> totalSegments = optionalInteger(request, "totalSegments");
        if (segment.isPresent() != totalSegments.isPresent()) {
            throw DynamoDbError.validation(segment.isPresent()
                    ? "The TotalSegments parameter is required but was not present in the request when Segment"
                            + " parameter is present"
                    : "The Segment parameter is required but was not present in the request when parameter"
                            + " TotalSegments is present");
        }
        if (totalSegments.isPresent()) {
            long total = totalSegments.get();
            if (total < 1 || total > 1_000_000) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + total + "' at 'totalSegments'"
                        + " failed to satisfy constraint: Member must have value between 1 and 1000000");
            }
            if (segment.get() < 0 || segment.get() >= total) {
                throw DynamoDbError.validation("The Segment parameter is zero-based and must be less than parameter"
                        + " TotalSegments: Segment: " + segment.get() + " is not less than TotalSegments: " + total);
            }
        }
        Table.View view = table.view(plan.index);
        return store.readLocked(List.of(tableName), () -> {
            Optional<Map<String, AttributeValue>> start = plan.start(view);
            Iterator<Map<String, AttributeValue>> items = view.all(start);
            return page(plan, view, items, item -> segment.isEmpty()
                    || segmentOf(item.get(view.partitionKey().name()), totalSegments.get()) == segment.get(),
                    filter, projection);
        });
    }

    /** Which scan segment a partition belongs to: a stable hash of the partition key value. */
    static long segmentOf(AttributeValue partitionValue, long totalSegments) {
        int hash;
        if (partitionValue instanceof AttributeValue.S s) {
            hash = s.value().hashCode();
        } else if (partitionValue instanceof AttributeValue.N n) {
            hash = n.text().hashCode();
        } else {
            hash = java.util.Arrays.hashCode(((AttributeValue.B) partitionValue).bytes());
        }
        return Math.floorMod((long) hash * 0x9E3779B1L, totalSegments);
    }

    /** The settings Query and Scan share. */
    private final class ReadPlan {
        final Optional<GlobalSecondaryIndex> index;
        final Optional<Long> limit;
        /** The attributes the index holds for each item, or empty when it holds them all. */
        final Optional<Set<String>> indexAttributes;
        final Optional<String> nextToken;
        final ExpressionAttributes attributes = new ExpressionAttributes();

        ReadPlan(Table table, Map<String, Object> request) {
            Optional<String> indexName = optionalString(request, "index");
            this.index = indexName.map(name -> table.definition.index(name).orElseThrow(() ->
                    DynamoDbError.validation("The table does not have the specified index: " + name)));
            if (index.isPresent() && bool(request, "consistentRead", false)) {
                throw DynamoDbError.validation("Consistent reads are not supported on global secondary indexes");
            }
            this.limit = optionalInteger(request, "limit");
            if (limit.isPresent() && limit.get() < 1) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + limit.get() + "' at 'limit'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 1");
            }
            String select = optionalString(request, "select").orElse("ALL_PROJECTED_ATTRIBUTES");
            if (!select.equals("ALL_ATTRIBUTES") && !select.equals("ALL_PROJECTED_ATTRIBUTES")) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + select + "' at 'select' failed"
                        + " to satisfy constraint: Member must satisfy enum value set: [ALL_ATTRIBUTES,"
                        + " ALL_PROJECTED_ATTRIBUTES]");
            }
            if (select.equals("ALL_ATTRIBUTES") && index.isPresent()
                    && index.get().projectionType() != GlobalSecondaryIndex.ProjectionType.ALL) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES"
                        + " is not supported for global secondary index " + index.get().name()
                        + " because its projection type is not ALL");
            }
            if (index.isEmpty() || index.get().projectionType() == GlobalSecondaryIndex.ProjectionType.ALL) {
                this.indexAttributes = Optional.empty();
            } else {
                Set<String> keep = new HashSet<>();
                table.definition.keyAttributes().forEach(k -> keep.add(k.name()));
                keep.add(index.get().partitionKey().name());
                index.get().sortKey().ifPresent(k -> keep.add(k.name()));
                keep.addAll(index.get().nonKeyAttributes());
                this.indexAttributes = Optional.of(keep);
            }
            this.nextToken = optionalString(request, "nextToken");
        }

        Optional<Map<String, AttributeValue>> start(Table.View view) {
            return nextToken.map(token -> NextTokens.decode(token, tableName, index.map(GlobalSecondaryIndex::name),
                    view.lastEvaluatedKeyAttributes()));
        }
    }

    private ReadPlan readPlan(Table table, Map<String, Object> request) {
        return new ReadPlan(table, request);
    }

    /**
     * Reads one page: items are evaluated in order until {@code limit} items were evaluated or 1 MB was read;
     * the filter applies after that, as in DynamoDB, so a page may hold fewer items than the limit (or none) and
     * still have a next token.
     */
    private Map<String, Object> page(ReadPlan plan, Table.View view, Iterator<Map<String, AttributeValue>> items,
            java.util.function.Predicate<Map<String, AttributeValue>> inRange, Optional<Condition> filter,
            Optional<List<Path>> projection) {
        List<Object> out = new ArrayList<>();
        long scanned = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        boolean stopped = false;
        while (items.hasNext()) {
            Map<String, AttributeValue> stored = items.next();
            if (!inRange.test(stored)) {
                continue;
            }
            Map<String, AttributeValue> item = indexProjection(plan, stored);
            scanned++;
            bytes += AttributeValues.itemSize(item);
            last = stored;
            if (filter.isEmpty() || ConditionEvaluator.evaluate(filter.get(), item)) {
                out.add(AttributeValues.toJson(project(item, projection)));
            }
            if ((plan.limit.isPresent() && scanned >= plan.limit.get()) || bytes >= MAX_PAGE_BYTES) {
                stopped = true;
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", out);
        result.put("nextToken", stopped
                ? NextTokens.encode(tableName, plan.index.map(GlobalSecondaryIndex::name), view.lastEvaluatedKey(last))
                : null);
        result.put("scannedCount", scanned);
        return result;
    }

    /** The attributes an index holds for an item: per its projection type. */
    private static Map<String, AttributeValue> indexProjection(ReadPlan plan, Map<String, AttributeValue> item) {
        if (plan.indexAttributes.isEmpty()) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (plan.indexAttributes.get().contains(name)) {
                projected.put(name, value);
            }
        });
        return projected;
    }

    private static void checkFilterKeys(Condition filter, Table.View view) {
        Set<String> keys = new HashSet<>();
        keys.add(view.partitionKey().name());
        view.sortKey().ifPresent(k -> keys.add(k.name()));
        for (String attribute : attributesOf(filter)) {
            if (keys.contains(attribute)) {
                throw DynamoDbError.validation("Filter Expression can only contain non-primary key attributes: "
                        + "Primary key attribute: " + attribute);
            }
        }
    }

    private static List<String> attributesOf(Condition condition) {
        List<String> out = new ArrayList<>();
        collect(condition, out);
        return out;
    }

    private static void collect(Condition condition, List<String> out) {
        if (condition instanceof Condition.And and) {
            collect(and.left(), out);
            collect(and.right(), out);
        } else if (condition instanceof Condition.Or or) {
            collect(or.left(), out);
            collect(or.right(), out);
        } else if (condition instanceof Condition.Not not) {
            collect(not.condition(), out);
        } else if (condition instanceof Condition.Compare compare) {
            collect(compare.left(), out);
            collect(compare.right(), out);
        } else if (condition instanceof Condition.Between between) {
            collect(between.value(), out);
            collect(between.lower(), out);
            collect(between.upper(), out);
        } else if (condition instanceof Condition.In in) {
            collect(in.value(), out);
            in.candidates().forEach(c -> collect(c, out));
        } else {
            ((Condition.Function) condition).arguments().forEach(a -> collect(a, out));
        }
    }

    private static void collect(io.amplify4j.sandbox.dynamodb.expression.Operand operand, List<String> out) {
        if (operand instanceof io.amplify4j.sandbox.dynamodb.expression.Operand.PathOperand p) {
            out.add(p.path().attribute());
        } else if (operand instanceof io.amplify4j.sandbox.dynamodb.expression.Operand.Size s) {
            out.add(s.path().attribute());
        }
    }

    private Optional<Condition> filter(Map<String, Object> request, ExpressionAttributes attributes) {
        Object block = request.get("filter");
        if (block == null) {
            return Optional.empty();
        }
        String text = expression(block, "filter", attributes);
        return Optional.of(ExpressionParser.parseCondition(text, ExpressionParser.FILTER, attributes));
    }

    private static Optional<List<Path>> projection(Map<String, Object> request, ExpressionAttributes attributes) {
        Object block = request.get("projection");
        if (block == null) {
            return Optional.empty();
        }
        String text = expression(block, "projection", attributes);
        return Optional.of(ExpressionParser.parseProjection(text, attributes));
    }

    private static Map<String, AttributeValue> project(Map<String, AttributeValue> item,
            Optional<List<Path>> projection) {
        return projection.map(paths -> Documents.project(item, paths)).orElse(item);
    }

    // ------------------------------------------------------------------------------------------ batches

    private Object batchGetItem(Map<String, Object> request) {
        Map<String, Object> tables = nonEmptyTables(request);
        record TableRead(Table table, List<Map<String, AttributeValue>> keys, Optional<List<Path>> projection) {}
        List<TableRead> reads = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Object> entry : tables.entrySet()) {
            Table table = store.require(entry.getKey());
            Map<String, Object> spec = map(entry.getValue(), "tables." + entry.getKey());
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (Object key : list(required(spec, "keys"), "tables." + entry.getKey() + ".keys")) {
                keys.add(ItemRules.key(table.definition, typedMap(key)));
            }
            total += keys.size();
            checkDistinct(keys, "Provided list of item keys contains duplicates");
            ExpressionAttributes attributes = new ExpressionAttributes();
            Optional<List<Path>> projection = projection(spec, attributes);
            attributes.checkAllUsed();
            reads.add(new TableRead(table, keys, projection));
        }
        if (total > MAX_BATCH_GET_KEYS) {
            throw DynamoDbError.validation("Too many items requested for the BatchGetItem call");
        }
        return store.readLocked(tables.keySet(), () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Object> unprocessed = new LinkedHashMap<>();
            for (TableRead read : reads) {
                List<Object> items = new ArrayList<>();
                for (Map<String, AttributeValue> key : read.keys) {
                    items.add(read.table.get(key).map(i -> project(i, read.projection))
                            .map(AttributeValues::toJson).orElse(null));
                }
                data.put(read.table.name(), items);
                unprocessed.put(read.table.name(), new ArrayList<>());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("data", data);
            result.put("unprocessedKeys", unprocessed);
            return result;
        });
    }

    private Object batchPutItem(Map<String, Object> request) {
        Map<String, Object> tables = nonEmptyTables(request);
        List<Mutation> mutations = new ArrayList<>();
        Map<String, List<Object>> written = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : tables.entrySet()) {
            Table table = store.require(entry.getKey());
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            List<Object> out = new ArrayList<>();
            for (Object raw : list(entry.getValue(), "tables." + entry.getKey())) {
                Map<String, AttributeValue> item = typedMap(raw);
                ItemRules.item(table.definition, item);
                Map<String, AttributeValue> key = table.keyOf(item);
                keys.add(key);
                mutations.add(Mutation.put(table.name(), key, item));
                out.add(AttributeValues.toJson(item));
            }
            checkDistinct(keys, "Provided list of item keys contains duplicates");
            written.put(table.name(), out);
        }
        checkBatchWriteSize(mutations.size());
        store.writeLocked(tables.keySet(), () -> {
            store.commit(mutations);
            return null;
        });
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        written.keySet().forEach(name -> unprocessed.put(name, new ArrayList<>()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("data", written);
        result.put("unprocessedItems", unprocessed);
        return result;
    }

    private Object batchDeleteItem(Map<String, Object> request) {
        Map<String, Object> tables = nonEmptyTables(request);
        List<Mutation> mutations = new ArrayList<>();
        Map<String, List<Object>> deleted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : tables.entrySet()) {
            Table table = store.require(entry.getKey());
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            List<Object> out = new ArrayList<>();
            for (Object raw : list(entry.getValue(), "tables." + entry.getKey())) {
                Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(raw));
                keys.add(key);
                mutations.add(Mutation.delete(table.name(), key));
                out.add(AttributeValues.toJson(key));
            }
            checkDistinct(keys, "Provided list of item keys contains duplicates");
            deleted.put(table.name(), out);
        }
        checkBatchWriteSize(mutations.size());
        store.writeLocked(tables.keySet(), () -> {
            List<Mutation> effective = new ArrayList<>();
            for (Mutation mutation : mutations) {
                if (store.require(mutation.table()).get(mutation.key()).isPresent()) {
                    effective.add(mutation);
                }
            }
            store.commit(effective);
            return null;
        });
        Map<String, Object> unprocessed = new LinkedHashMap<>();
        deleted.keySet().forEach(name -> unprocessed.put(name, new ArrayList<>()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("data", deleted);
        result.put("unprocessedKeys", unprocessed);
        return result;
    }

    private static Map<String, Object> nonEmptyTables(Map<String, Object> request) {
        Map<String, Object> tables = requiredMap(request, "tables");
        if (tables.isEmpty()) {
            throw DynamoDbError.validation("1 validation error detected: Value '{}' at 'requestItems' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        return tables;
    }

    private static void checkBatchWriteSize(int size) {
        if (size > MAX_BATCH_WRITE_ITEMS) {
            throw DynamoDbError.validation("Too many items requested for the BatchWriteItem call");
        }
        if (size == 0) {
            throw DynamoDbError.validation("1 validation error detected: Value '[]' at 'requestItems' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
    }

    private static void checkDistinct(List<Map<String, AttributeValue>> keys, String message) {
        if (new HashSet<>(keys).size() != keys.size()) {
            throw DynamoDbError.validation(message);
        }
    }

    // ------------------------------------------------------------------------------------------ transactions

    private Object transactGetItems(Map<String, Object> request) {
        List<?> items = transactItems(request);
        record Get(Table table, Map<String, AttributeValue> key, Optional<List<Path>> projection) {}
        List<Get> gets = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> spec = map(items.get(i), "transactItems[" + i + "]");
            Table table = store.require(string(required(spec, "table"), "table"));
            Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(required(spec, "key")));
            if (!seen.add(List.of(table.name(), key))) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            ExpressionAttributes attributes = new ExpressionAttributes();
            Optional<List<Path>> projection = projection(spec, attributes);
            attributes.checkAllUsed();
            gets.add(new Get(table, key, projection));
        }
        Set<String> names = new HashSet<>();
        gets.forEach(g -> names.add(g.table.name()));
        return store.readLocked(names, () -> {
            List<Object> out = new ArrayList<>();
            for (Get get : gets) {
                out.add(get.table.get(get.key).map(i -> project(i, get.projection))
                        .map(AttributeValues::toJson).orElse(null));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("items", out);
            result.put("cancellationReasons", null);
            return result;
        });
    }

    /** One checked action of a TransactWriteItems request. */
    private record WriteAction(
            Table table,
            String operation,
            Map<String, AttributeValue> key,
            Optional<Map<String, AttributeValue>> putItem,
            Optional<UpdateExpression> update,
            Optional<Condition> condition,
            boolean returnItemOnFailure) {}

    private Object transactWriteItems(Map<String, Object> request) {
        List<?> items = transactItems(request);
        List<WriteAction> actions = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            WriteAction action = writeAction(map(items.get(i), "transactItems[" + i + "]"));
            if (!seen.add(List.of(action.table.name(), action.key))) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(action);
        }
        Set<String> names = new HashSet<>();
        actions.forEach(a -> names.add(a.table.name()));
        return store.writeLocked(names, () -> {
            List<Mutation> mutations = new ArrayList<>();
            List<Map<String, Object>> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (WriteAction action : actions) {
                Optional<Map<String, AttributeValue>> existing = action.table.get(action.key);
                Map<String, Object> reason = new LinkedHashMap<>();
                if (action.condition.isPresent()
                        && !ConditionEvaluator.evaluate(action.condition.get(), existing.orElse(Map.of()))) {
                    if (action.returnItemOnFailure && existing.isPresent()) {
                        reason.put("item", AttributeValues.toJson(existing.get()));
                    }
                    reason.put("type", "ConditionalCheckFailed");
                    reason.put("message", DynamoDbError.CONDITIONAL_REQUEST_FAILED);
                    cancelled = true;
                } else {
                    try {
                        mutation(action, existing).ifPresent(mutations::add);
                        reason.put("type", "None");
                        reason.put("message", null);
                    } catch (DynamoDbError | ExpressionException e) {
                        reason.put("type", "ValidationError");
                        reason.put("message", e.getMessage());
                        cancelled = true;
                    }
                }
                reasons.add(reason);
            }
            if (cancelled) {
                List<String> codes = new ArrayList<>();
                reasons.forEach(r -> codes.add(String.valueOf(r.get("type"))));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("keys", null);
                result.put("cancellationReasons", reasons);
                throw new DynamoDbError(DynamoDbError.TRANSACTION_CANCELED, "Transaction cancelled, please refer"
                        + " cancellation reasons for specific reasons " + codes, result);
            }
            store.commit(mutations);
            List<Object> keys = new ArrayList<>();
            actions.forEach(a -> keys.add(AttributeValues.toJson(a.key)));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("keys", keys);
            result.put("cancellationReasons", null);
            return result;
        });
    }

    private Optional<Mutation> mutation(WriteAction action, Optional<Map<String, AttributeValue>> existing) {
        String table = action.table.name();
        switch (action.operation) {
            case "PutItem":
                return Optional.of(Mutation.put(table, action.key, action.putItem.get()));
            case "UpdateItem": {
                Map<String, AttributeValue> updated = UpdateApplier.apply(action.update.get(),
                        existing.orElse(action.key));
                ItemRules.item(action.table.definition, updated);
                return Optional.of(Mutation.put(table, action.key, updated));
            }
            case "DeleteItem":
                return existing.isPresent() ? Optional.of(Mutation.delete(table, action.key)) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private WriteAction writeAction(Map<String, Object> spec) {
        Table table = store.require(string(required(spec, "table"), "table"));
        String operation = string(required(spec, "operation"), "operation");
        Map<String, AttributeValue> key = ItemRules.key(table.definition, typedMap(required(spec, "key")));
        ExpressionAttributes attributes = new ExpressionAttributes();
        Optional<Map<String, AttributeValue>> putItem = Optional.empty();
        Optional<UpdateExpression> update = Optional.empty();
        switch (operation) {
            case "PutItem" -> {
                Map<String, AttributeValue> item = new LinkedHashMap<>(key);
                Object values = spec.get("attributeValues");
                if (values != null) {
                    typedMap(values).forEach(item::putIfAbsent);
                }
                ItemRules.item(table.definition, item);
                putItem = Optional.of(item);
            }
            case "UpdateItem" -> {
                String text = expression(required(spec, "update"), "update", attributes);
                UpdateExpression parsed = ExpressionParser.parseUpdate(text, attributes);
                UpdateApplier.checkKeys(parsed, key.keySet());
                update = Optional.of(parsed);
            }
            case "DeleteItem", "ConditionCheck" -> { }
            default -> throw DynamoDbError.validation("Unsupported operation '" + operation
                    + "' in TransactWriteItems; use PutItem, UpdateItem, DeleteItem or ConditionCheck");
        }
        Optional<Condition> condition = Optional.empty();
        boolean returnItem = true;
        Object block = spec.get("condition");
        if (block != null) {
            String text = expression(block, "condition", attributes);
            condition = Optional.of(ExpressionParser.parseCondition(text, ExpressionParser.CONDITION, attributes));
            returnItem = bool(map(block, "condition"), "returnValuesOnConditionCheckFailure", true);
        } else if (operation.equals("ConditionCheck")) {
            throw DynamoDbError.validation("A ConditionCheck in TransactWriteItems requires a condition");
        }
        attributes.checkAllUsed();
        return new WriteAction(table, operation, key, putItem, update, condition, returnItem);
    }

    private static List<?> transactItems(Map<String, Object> request) {
        List<?> items = list(required(request, "transactItems"), "transactItems");
        if (items.isEmpty()) {
            throw DynamoDbError.validation("1 validation error detected: Value '[]' at 'transactItems' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw DynamoDbError.validation("1 validation error detected: Value at 'transactItems' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_TRANSACTION_ITEMS);
        }
        return items;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Map<String, AttributeValue> typedMap(Object json) {
        return AttributeValues.fromTypedMap(json);
    }
}

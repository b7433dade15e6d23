package io.amplify4j.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal hook a write-ahead log will use: what it sees, and that replaying it rebuilds the store. */
class JournalTest {
    private static DynamoDbStore storeWith(Journal journal) {
        DynamoDbStore store = new DynamoDbStore(journal);
        store.createTable(TableDefinition.of("Todo", KeyAttribute.string("id"))
                .withIndex(GlobalSecondaryIndex.all("byOwner", KeyAttribute.string("owner"))));
        store.createTable(TableDefinition.of("Event", KeyAttribute.string("pk"), KeyAttribute.number("sk")));
        return store;
    }

    @Test
    void everyOperationIsOneAppendAndReplayRebuildsTheStore() throws Exception {
        List<List<Mutation>> appends = new ArrayList<>();
        DynamoDbStore store = storeWith(appends::add);
        DynamoDbDataSource todo = store.dataSource("Todo");
        todo.invoke(Json.obj("{'operation':'PutItem','key':{'id':{'S':'1'}},'attributeValues':{'owner':{'S':'a'}}}"));
        todo.invoke(Json.obj("{'operation':'UpdateItem','key':{'id':{'S':'2'}},'update':{'expression':'SET #o = :o',"
                + "'expressionNames':{'#o':'owner'},'expressionValues':{':o':{'S':'a'}}}}"));
        todo.invoke(Json.obj("{'operation':'TransactWriteItems','transactItems':["
                + "{'table':'Todo','operation':'DeleteItem','key':{'id':{'S':'1'}}},"
                + "{'table':'Event','operation':'PutItem','key':{'pk':{'S':'e'},'sk':{'N':'1'}}}]}"));
        todo.invoke(Json.obj("{'operation':'BatchPutItem','tables':{'Todo':[{'id':{'S':'3'}},{'id':{'S':'4'}}]}}"));
        // Reads, failed writes and deletes of missing items journal nothing.
        todo.invoke(Json.obj("{'operation':'GetItem','key':{'id':{'S':'3'}}}"));
        todo.invoke(Json.obj("{'operation':'DeleteItem','key':{'id':{'S':'nope'}}}"));
        assertThatThrownBy(() -> todo.invoke(Json.obj("{'operation':'PutItem','key':{'id':{'S':'3'}},'attributeValues':{'x':{'S':'y'}},"
                + "'condition':{'expression':'attribute_not_exists(id)'}}"))).isNotNull();

        assertThat(appends).hasSize(4);
        assertThat(appends.get(2)).extracting(Mutation::table).containsExactly("Todo", "Event");
        assertThat(appends.get(2).get(0).item()).isEmpty();

        DynamoDbStore replayed = storeWith(Journal.NONE);
        appends.forEach(replayed::apply);
        for (String id : List.of("1", "2", "3", "4")) {
            Object original = store.dataSource("Todo").invoke(Json.obj("{'operation':'GetItem','key':{'id':{'S':'"
                    + id + "'}}}"));
            Object copy = replayed.dataSource("Todo").invoke(Json.obj("{'operation':'GetItem','key':{'id':{'S':'"
                    + id + "'}}}"));
            assertThat(Json.canon(copy)).isEqualTo(Json.canon(original));
        }
        assertThat(replayed.itemCount("Event")).isEqualTo(1);
        Object byOwner = replayed.dataSource("Todo").invoke(Json.obj("{'operation':'Query','index':'byOwner',"
                + "'query':{'expression':'#o = :o','expressionNames':{'#o':'owner'},'expressionValues':{':o':{'S':'a'}}}}"));
        assertThat(Json.canon(byOwner)).contains("\"id\":\"2\"").doesNotContain("\"id\":\"1\"");
    }

    @Test
    void aFailingJournalLeavesTheStoreUnchanged() {
        DynamoDbStore store = storeWith(mutations -> {
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> store.dataSource("Todo").invoke(Json.obj(
                "{'operation':'PutItem','key':{'id':{'S':'1'}}}")))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(store.itemCount("Todo")).isZero();
    }

    @Test
    void tablesAreRegisteredOnce() {
        DynamoDbStore store = storeWith(Journal.NONE);
        assertThat(store.tableNames()).containsExactly("Event", "Todo");
        assertThatThrownBy(() -> store.createTable(TableDefinition.of("Todo", KeyAttribute.string("id"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TableDefinition.of("Bad", KeyAttribute.string("id"), KeyAttribute.string("id")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableDefinition.of("Bad", KeyAttribute.string("id"))
                .withIndex(GlobalSecondaryIndex.all("byId", KeyAttribute.number("id"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

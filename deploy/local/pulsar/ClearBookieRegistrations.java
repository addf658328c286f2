// Run by deploy/local/pulsar.sh before it starts a standalone broker on existing data (Java
// single-file source launch, with the broker's jars on the class path).
//
// Why: a broker killed without an orderly shutdown (SIGKILL, or stop's KILL after TERM) leaves its
// bookie's registration under /ledgers/available in the RocksDB metadata store. On the next start the
// bookie deletes and re-creates it, its own notifications then invalidate its lock, and the lock
// revalidation loops for as long as the broker runs (apache/pulsar#17759): one core spins and ledger
// creates fail now and then with "Not enough non-faulty bookies available". With no broker running,
// no registration there is live, so removing them all is safe.
import java.util.List;
import java.util.Optional;
import org.apache.pulsar.metadata.api.MetadataStore;
import org.apache.pulsar.metadata.api.MetadataStoreConfig;
import org.apache.pulsar.metadata.api.MetadataStoreFactory;

public class ClearBookieRegistrations {
  public static void main(String[] args) throws Exception {
    String url = args[0]; // rocksdb:///path/to/metadata
    try (MetadataStore store = MetadataStoreFactory.create(url, MetadataStoreConfig.builder().build())) {
      int removed = clear(store, "/ledgers/available/readonly") + clear(store, "/ledgers/available");
      System.out.println("cleared " + removed + " stale bookie registration(s)");
    }
  }

  private static int clear(MetadataStore store, String parent) throws Exception {
    if (!store.exists(parent).get()) return 0;
    List<String> children = store.getChildren(parent).get();
    int removed = 0;
    for (String child : children) {
      if (child.equals("readonly")) continue; // the persistent parent of read-only registrations
      store.delete(parent + "/" + child, Optional.empty()).get();
      removed++;
    }
    return removed;
  }
}

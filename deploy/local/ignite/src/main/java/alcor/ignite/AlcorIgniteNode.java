package alcor.ignite;

import java.util.List;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.logger.NullLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;

/**
 * One in-memory Ignite server node, bound to 127.0.0.1 only. Ports and sizes come from system
 * properties so deploy/local/ignite.sh can move them off ports other servers hold. No
 * persistence: the node is a shared cache, PostgreSQL stays the store of record.
 */
public final class AlcorIgniteNode {
  private AlcorIgniteNode() {}

  public static void main(String[] args) {
    String host = "127.0.0.1";
    int clientPort = Integer.getInteger("alcor.ignite.clientPort", 10800);
    int discoveryPort = Integer.getInteger("alcor.ignite.discoveryPort", 47500);
    int communicationPort = Integer.getInteger("alcor.ignite.communicationPort", 47100);
    long regionMb = Long.getLong("alcor.ignite.regionMb", 256L);

    // Only our own discovery port: a lone node, never joining another helper's cluster.
    TcpDiscoveryVmIpFinder finder = new TcpDiscoveryVmIpFinder().setAddresses(List.of(host + ":" + discoveryPort));
    TcpDiscoverySpi discovery = new TcpDiscoverySpi()
        .setLocalAddress(host).setLocalPort(discoveryPort).setLocalPortRange(0).setIpFinder(finder);
    TcpCommunicationSpi communication = new TcpCommunicationSpi()
        .setLocalAddress(host).setLocalPort(communicationPort).setLocalPortRange(0);
    ClientConnectorConfiguration thinClients = new ClientConnectorConfiguration()
        .setHost(host).setPort(clientPort).setPortRange(0);
    // The default region would be 20 % of RAM, off-heap: cap it.
    DataStorageConfiguration storage = new DataStorageConfiguration().setDefaultDataRegionConfiguration(
        new DataRegionConfiguration().setName("default").setInitialSize(64L << 20).setMaxSize(regionMb << 20));

    IgniteConfiguration config = new IgniteConfiguration()
        .setIgniteInstanceName("alcor-test")
        .setLocalHost(host)
        .setWorkDirectory(System.getProperty("alcor.ignite.work", "/tmp/alcor-ignite/work"))
        .setDiscoverySpi(discovery)
        .setCommunicationSpi(communication)
        .setClientConnectorConfiguration(thinClients)
        .setDataStorageConfiguration(storage)
        .setMetricsLogFrequency(0);
    if (Boolean.getBoolean("alcor.ignite.quiet")) config.setGridLogger(new NullLogger());

    Ignition.start(config);
    System.out.println("alcor-ignite-node ready: thin clients on " + host + ":" + clientPort);
  }
}

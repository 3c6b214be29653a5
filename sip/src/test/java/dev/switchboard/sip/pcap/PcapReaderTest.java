package dev.switchboard.sip.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.MediaFiles;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapReaderTest {

    private static final byte[] HELLO = {'h', 'e', 'l', 'l', 'o'};

    @Test
    void faxToneCaptureIsReadWithAddressesPortsAndTimes() throws IOException {
        List<UdpDatagram> datagrams = PcapReader.readUdp(MediaFiles.faxTone("cng_1100hz.pcap"));

        assertThat(datagrams).hasSize(75);
        UdpDatagram first = datagrams.get(0);
        assertThat(first.source()).isEqualTo("127.0.0.1");
        assertThat(first.sourcePort()).isEqualTo(40000);
        assertThat(first.destinationPort()).isEqualTo(6000);
        assertThat(first.payload()).hasSize(12 + 160);
        assertThat(datagrams.get(1).timestampMicros() - first.timestampMicros()).isEqualTo(20_000);
    }

    @Test
    void ethernetWithVlanTagsAndPaddingIsRead() throws IOException {
        byte[] ip = PcapBuilder.udp(5060, 5061, HELLO);
        byte[] padded = Arrays.copyOf(PcapBuilder.ethernet(0x0800, ip, 100, 200), 64); // padding past the IP length
        byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, PcapReader.LINKTYPE_ETHERNET)
                .frame(1_500_000, padded).build();

        List<UdpDatagram> datagrams = PcapReader.readUdp(pcap, "vlan");

        assertThat(datagrams).singleElement().satisfies(d -> {
            assertThat(d.payload()).isEqualTo(HELLO);
            assertThat(d.destination()).isEqualTo("10.0.0.2");
            assertThat(d.sourcePort()).isEqualTo(5060);
            assertThat(d.timestampMicros()).isEqualTo(1_500_000);
        });
    }

    @Test
    void bigEndianNanosecondLinuxCookedCaptureIsRead() throws IOException {
        byte[] pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN, true, PcapReader.LINKTYPE_LINUX_SLL)
                .frame(2_000_123, PcapBuilder.linuxCooked(PcapBuilder.udp(1, 2, HELLO))).build();

        List<UdpDatagram> datagrams = PcapReader.readUdp(pcap, "sll");

        assertThat(datagrams).extracting(UdpDatagram::timestampMicros).containsExactly(2_000_123L);
        assertThat(datagrams.get(0).payload()).isEqualTo(HELLO);
    }

    @Test
    void rawIpv4CaptureIsRead() throws IOException {
        byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, PcapReader.LINKTYPE_RAW)
                .frame(0, PcapBuilder.udp(7000, 7002, HELLO)).build();

        assertThat(PcapReader.readUdp(pcap, "raw")).extracting(UdpDatagram::destinationPort).containsExactly(7002);
    }

    @Test
    void tcpFragmentsAndOtherEtherTypesAreSkipped() throws IOException {
        byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, PcapReader.LINKTYPE_ETHERNET)
                .frame(0, PcapBuilder.ethernet(0x0800, PcapBuilder.ipv4(6, 0, 1, 2, HELLO)))
                .frame(1, PcapBuilder.ethernet(0x0800, PcapBuilder.ipv4(17, 0x2000, 1, 2, HELLO)))
                .frame(2, PcapBuilder.ethernet(0x0800, PcapBuilder.ipv4(17, 0x0010, 1, 2, HELLO)))
                .frame(3, PcapBuilder.ethernet(0x86DD, new byte[40]))
                .frame(4, PcapBuilder.ethernet(0x0800, PcapBuilder.udp(1, 2, HELLO)))
                .build();

        assertThat(PcapReader.readUdp(pcap, "mixed")).extracting(UdpDatagram::timestampMicros).containsExactly(4L);
    }

    @Test
    void unreadableFilesAreRefusedWithTheReason() {
        byte[] good = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, PcapReader.LINKTYPE_RAW)
                .frame(0, PcapBuilder.udp(1, 2, HELLO)).build();
        byte[] pcapng = Arrays.copyOf(new byte[] {0x0a, 0x0d, 0x0d, 0x0a}, 28);
        byte[] wrongLink = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 105).frame(0, HELLO).build();

        assertThatThrownBy(() -> PcapReader.readUdp(pcapng, "x.pcapng")).hasMessageContaining("pcapng is not supported");
        assertThatThrownBy(() -> PcapReader.readUdp(new byte[30], "zero")).hasMessageContaining("not a pcap file");
        assertThatThrownBy(() -> PcapReader.readUdp(Arrays.copyOf(good, good.length - 3), "cut"))
                .isInstanceOf(IOException.class).hasMessageContaining("cut: record at offset 24 claims");
        assertThatThrownBy(() -> PcapReader.readUdp(wrongLink, "wifi")).hasMessageContaining("link type 105");
    }
}

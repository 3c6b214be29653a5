package dev.switchboard.sip.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

class PortRangeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static int port(DatagramChannel c) throws IOException {
        return ((InetSocketAddress) c.getLocalAddress()).getPort();
    }

    /** A free even-port block found by asking the system for a port, so parallel builds do not collide. */
    private static int freeBlockStart() throws IOException {
        try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            // a multiple of 8 from 20000 up, and below 60000 so that the block and its squatter fit
            // under 65534 (a port from 60000 up used to wrap to below 1024: "144-148")
            int block = port(probe) & ~7;
            return block < 60000 ? Math.max(20000, block) : 20000 + (block - 60000);
        }
    }

    @Test
    void channelsGetEvenPortsRoundRobinSkippingTakenOnes() throws IOException {
        int min = freeBlockStart();
        PortRange range = new PortRange(LOOPBACK, min, min + 4);
        try (DatagramChannel squatter = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, min + 2));
             DatagramChannel first = range.open();
             DatagramChannel second = range.open()) {

            assertThat(port(first)).isEqualTo(min);
            assertThat(port(second)).isEqualTo(min + 4);
            assertThat(squatter.isOpen()).isTrue();
            assertThatThrownBy(range::open).hasMessageContaining("every RTP port of " + min + "-" + (min + 4));
        }
    }

    @Test
    void aRangeThatCannotCarryRtpIsRefused() {
        assertThatThrownBy(() -> new PortRange(LOOPBACK, 20001, 20010)).hasMessageContaining("20001-20010");
        assertThatThrownBy(() -> new PortRange(LOOPBACK, 80, 100)).hasMessageContaining("1024");
    }
}

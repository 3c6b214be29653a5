package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    @Test
    void ratesAreTheGrowthOfTheAdaptersTotalsOverTheWindow() {
        RateWindow w = new RateWindow();
        assertThat(w.rates(10)).isEmpty();
        w.record(100, 5, 0);
        assertThat(w.rates(10)).containsExactly(0.0, 0.0);
        w.record(105, 8, 1);
        assertThat(w.rates(10)).as("younger than the window: over the seconds there are").containsExactly(0.6, 0.2);
        w.record(110, 9, 1);
        assertThat(w.rates(10)).containsExactly(0.4, 0.1);
        w.record(115, 9, 1);
        assertThat(w.rates(10)).as("from the newest sample at least 10 s old (105)").containsExactly(0.1, 0.0);
        w.record(115, 19, 1); // the same second again: the later totals count
        assertThat(w.rates(10)).containsExactly(1.1, 0.0);
    }

    @Test
    void forgetsSamplesOlderThanItKeepsAndRefusesOtherWindows() {
        RateWindow w = new RateWindow();
        w.record(0, 0);
        w.record(100, 60);
        w.record(101, 60);
        assertThat(w.rates(60)).as("the sample at 0 is gone; 100 is the oldest").containsExactly(0.0);
        assertThatThrownBy(() -> w.rates(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.rates(61)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.operator.OperatorStatistics;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every figure of the adapter is published once, under the Prometheus name the guide documents, with its own value. */
class FiguresTest {

    @Test
    void eachFigureReadsItsOwnComponentOfTheStatistics() {
        OperatorStatistics stats = new OperatorStatistics(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Map<String, Long> scraped = Figures.ALL.stream()
                .collect(Collectors.toMap(Figures.Figure::prometheusName, f -> f.value().applyAsLong(stats)));
        assertThat(scraped).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("switchboard_lines", 1L),
                Map.entry("switchboard_applications", 2L),
                Map.entry("switchboard_calls_live", 3L),
                Map.entry("switchboard_calls_unowned", 4L),
                Map.entry("switchboard_calls_offered_total", 5L),
                Map.entry("switchboard_handoffs_succeeded_total", 6L),
                Map.entry("switchboard_handoffs_target_not_found_total", 7L),
                Map.entry("switchboard_handoffs_target_self_total", 8L),
                Map.entry("switchboard_handoffs_rolled_back_total", 9L),
                Map.entry("switchboard_offers_refused_total", 10L),
                Map.entry("switchboard_transactions_committed_total", 11L),
                Map.entry("switchboard_transactions_rolled_back_total", 12L)));
    }

    @Test
    void theLabelIsNotPrometheussOwnInstanceLabel() {
        assertThat(Figures.LABEL).isEqualTo("adapter").isNotEqualTo("instance");
    }
}

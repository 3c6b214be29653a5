package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.TDD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The counts and gauges operators monitor (the adapter publishes them over JMX). */
class StatisticsTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void countsOffersHandoffsRefusalsAndTransactionsAndGaugesTheCallsNow() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        h.owner("backup", INTERACTIVEVOICE, 2);
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), TDD)).isEqualTo(HandoffResult.TARGETNOTFOUND);
        assertThat(fax.session.control().handoffToMediaMode(fax.handle(call), G3FAX)).isEqualTo(HandoffResult.TARGETSELF);

        UnitOfWork committed = h.sb.beginUnitOfWork("committed");
        fax.session.control(committed).handoffToApplication(fax.handle(call), "voice");
        committed.commit();
        UnitOfWork rolledBack = h.sb.beginUnitOfWork("rolled-back");
        fax.session.control(rolledBack).handoffToApplication(fax.handle(call), "backup");
        rolledBack.rollback();

        voice.sink.refuseWhen(e -> e instanceof CallStateEvent s && s.state() == CallState.OFFERING);
        h.place(INTERACTIVEVOICE); // voice refuses it (R23); backup takes it
        h.place(TDD);              // nobody owns TDD: unowned (R7)

        SwitchboardStatistics s = h.sb.statistics();
        assertThat(s.callsOffered()).isEqualTo(3);
        assertThat(s.handoffsSucceeded()).as("one live, one committed; the rolled-back one does not count").isEqualTo(2);
        assertThat(s.handoffsTargetNotFound()).isEqualTo(1);
        assertThat(s.handoffsTargetSelf()).isEqualTo(1);
        assertThat(s.offersRefused()).isEqualTo(1);
        assertThat(s.transactionsCommitted()).isEqualTo(1);
        assertThat(s.transactionsRolledBack()).isEqualTo(1);
        assertThat(s.liveCalls()).isEqualTo(3);
        assertThat(s.unownedCalls()).isEqualTo(1);
        assertThat(s.applications()).isEqualTo(3);
        assertThat(s.lines()).isEqualTo(h.sb.lines().size());
    }
}

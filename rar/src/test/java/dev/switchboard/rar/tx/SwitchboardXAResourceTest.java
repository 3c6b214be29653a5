package dev.switchboard.rar.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.UnitOfWork;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coordinator's XAResource driven directly, as a transaction manager would (R21, R22). */
class SwitchboardXAResourceTest {
    private final SimulatedSwitch sim = new SimulatedSwitch(List.of("line1"));
    private final Switchboard switchboard = Switchboard.builder().provider(sim).build().start();
    private final TransactionBranches branches = new TransactionBranches();
    private final List<CallEvent> voiceEvents = new CopyOnWriteArrayList<>();
    private final List<CallEvent> faxEvents = new CopyOnWriteArrayList<>();
    private ApplicationSession voice;
    private ApplicationSession fax;
    private CallHandle call;

    /** What a managed connection is to the XAResource: where the current unit of work goes. */
    private static final class Holder implements UnitOfWorkHolder {
        volatile UnitOfWork uow;

        @Override
        public void associate(UnitOfWork u) {
            uow = u;
        }

        @Override
        public void dissociate() {
            uow = null;
        }
    }

    private final Holder holder = new Holder();
    private final SwitchboardXAResource xa = new SwitchboardXAResource(switchboard, branches, holder);

    @BeforeEach
    void openApplicationsAndPlaceCall() {
        voice = switchboard.open(ApplicationSpec.owner("voice", Set.of("*"), MediaMode.INTERACTIVEVOICE), voiceEvents::add);
        fax = switchboard.open(ApplicationSpec.owner("fax", Set.of("*"), MediaMode.G3FAX), faxEvents::add);
        sim.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        call = ((CallStateEvent) voiceEvents.get(0)).handle();
    }

    @AfterEach
    void close() {
        switchboard.close();
    }

    private CallControl inTransaction() {
        assertThat(holder.uow).as("the connection is associated with a unit of work").isNotNull();
        return voice.control(holder.uow);
    }

    @Test
    void twoPhaseCommitAppliesHandoffOnlyAtCommit_R21() throws XAException {
        Xid xid = xid(1);
        xa.start(xid, XAResource.TMNOFLAGS);
        assertThat(inTransaction().handoffToApplication(call, "fax")).isEqualTo(HandoffResult.SUCCESS);
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(holder.uow).isNull();

        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(faxEvents).isEmpty();
        assertThat(voice.control().callInfo(call).numOwners()).isEqualTo(1);
        assertThat(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(new XidKey(xid));

        xa.commit(xid, false);
        assertThat(faxEvents).singleElement().matches(e -> ((CallStateEvent) e).offersOwnership());
        assertThat(voice.control().callInfo(call).numOwners()).isEqualTo(2);
        assertThat(xa.recover(XAResource.TMSTARTRSCAN)).isEmpty();
    }

    @Test
    void onePhaseCommitAppliesHandoff_R21() throws XAException {
        Xid xid = xid(2);
        xa.start(xid, XAResource.TMNOFLAGS);
        inTransaction().handoffToApplication(call, "fax");
        xa.end(xid, XAResource.TMSUCCESS);
        xa.commit(xid, true);
        assertThat(faxEvents).hasSize(1);
    }

    @Test
    void rollbackLeavesEverythingAsBeforeAndSendsNothing_R21() throws XAException {
        Xid xid = xid(3);
        xa.start(xid, XAResource.TMNOFLAGS);
        inTransaction().handoffToApplication(call, "fax");
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        xa.rollback(xid);
        assertThat(faxEvents).isEmpty();
        assertThat(voice.control().callInfo(call).numOwners()).isEqualTo(1);
        assertThat(xa.recover(XAResource.TMSTARTRSCAN)).isEmpty();
        // the call is free again: a live change does not wait
        assertThat(voice.control().handoffToApplication(call, "fax")).isEqualTo(HandoffResult.SUCCESS);
    }

    @Test
    void prepareVotesRollbackWhenTheDecisionNoLongerHolds_R22() throws XAException {
        Xid xid = xid(4);
        xa.start(xid, XAResource.TMNOFLAGS);
        assertThat(inTransaction().handoffToApplication(call, "fax")).isEqualTo(HandoffResult.SUCCESS);
        xa.end(xid, XAResource.TMSUCCESS);
        fax.close(); // the target goes away before the transaction commits

        assertThatThrownBy(() -> xa.prepare(xid)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBINTEGRITY));
        assertThat(voice.control().callInfo(call).numOwners()).isEqualTo(1);
        assertThatThrownBy(() -> xa.commit(xid, false)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_NOTA));
    }

    @Test
    void branchThatChangedNothingIsReadOnly() throws XAException {
        Xid xid = xid(5);
        xa.start(xid, XAResource.TMNOFLAGS);
        inTransaction().callInfo(call);
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
        assertThat(xa.recover(XAResource.TMSTARTRSCAN)).isEmpty();
    }

    @Test
    void failedEndMakesTheBranchRollBack() throws XAException {
        Xid xid = xid(6);
        xa.start(xid, XAResource.TMNOFLAGS);
        inTransaction().handoffToApplication(call, "fax");
        xa.end(xid, XAResource.TMFAIL);
        assertThatThrownBy(() -> xa.commit(xid, true)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XA_RBROLLBACK));
        assertThat(faxEvents).isEmpty();
    }

    @Test
    void anotherConnectionOfTheSameResourceManagerJoinsTheBranch() throws XAException {
        Holder other = new Holder();
        SwitchboardXAResource second = new SwitchboardXAResource(switchboard, branches, other);
        assertThat(xa.isSameRM(second)).isTrue();
        assertThat(xa.isSameRM(new SwitchboardXAResource(switchboard, new TransactionBranches(), other))).isFalse();

        Xid xid = xid(7);
        xa.start(xid, XAResource.TMNOFLAGS);
        second.start(xid, XAResource.TMJOIN);
        assertThat(other.uow).isSameAs(holder.uow);
        assertThatThrownBy(() -> second.start(xid, XAResource.TMNOFLAGS)).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_DUPID));
        xa.end(xid, XAResource.TMSUCCESS);
        second.end(xid, XAResource.TMSUCCESS);
        xa.rollback(xid);
    }

    @Test
    void unknownBranchIsNota() {
        assertThatThrownBy(() -> xa.rollback(xid(99))).isInstanceOfSatisfying(XAException.class,
                e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_NOTA));
    }

    private static Xid xid(int n) {
        byte[] gtrid = ("gtrid-" + n).getBytes(StandardCharsets.UTF_8);
        byte[] bqual = ("bqual-" + n).getBytes(StandardCharsets.UTF_8);
        return new Xid() {
            @Override
            public int getFormatId() {
                return 4711;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return gtrid.clone();
            }

            @Override
            public byte[] getBranchQualifier() {
                return bqual.clone();
            }
        };
    }
}

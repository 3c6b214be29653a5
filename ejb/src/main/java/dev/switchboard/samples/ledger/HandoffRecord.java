package dev.switchboard.samples.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One handoff as the ledger recorded it; written in the same transaction as the handoff. */
@Entity
@Table(name = "HANDOFF_RECORD")
@NamedQuery(name = HandoffRecord.BY_CALL,
        query = "select r from HandoffRecord r where r.callId = :callId order by r.id")
public class HandoffRecord {

    public static final String BY_CALL = "HandoffRecord.byCall";

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "CALL_ID", nullable = false)
    private String callId;

    @Column(name = "APPLICATION", nullable = false)
    private String application;

    @Column(name = "MEDIA_MODE", nullable = false)
    private String mediaMode;

    @Column(name = "RESULT", nullable = false)
    private String result;

    @Column(name = "RECORDED_AT", nullable = false)
    private Instant recordedAt;

    protected HandoffRecord() {
        // for JPA
    }

    public HandoffRecord(String callId, String application, String mediaMode, String result, Instant recordedAt) {
        this.callId = callId;
        this.application = application;
        this.mediaMode = mediaMode;
        this.result = result;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getCallId() {
        return callId;
    }

    public String getApplication() {
        return application;
    }

    public String getMediaMode() {
        return mediaMode;
    }

    public String getResult() {
        return result;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

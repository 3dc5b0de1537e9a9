package io.agentledger.bench.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The columns of AgentLedger's goal row that a create or an update writes. */
@Entity
@Table(name = "reference_goal", indexes = @Index(name = "reference_goal_tenant", columnList = "tenantId, createdAt"))
public class ReferenceGoal {

    @Id
    private String id;
    private String tenantId;
    private String userId;
    @Column(length = 10_000)
    private String text;
    private String status;
    private String priority;
    private String autonomyLevel;
    @Column(length = 10_000)
    private String metadata;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected ReferenceGoal() {
    }

    public String getTenantId() {
        return tenantId;
    }

    ReferenceGoal(String id, String tenantId, String userId, String text, String priority, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.text = text;
        this.status = "pending";
        this.priority = priority;
        this.autonomyLevel = "supervised";
        this.metadata = "{}";
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String newText, Instant now) {
        this.text = newText;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public String getStatus() {
        return status;
    }

    public Long getVersion() {
        return version;
    }
}

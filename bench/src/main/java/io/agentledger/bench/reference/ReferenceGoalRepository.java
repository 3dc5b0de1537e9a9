package io.agentledger.bench.reference;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferenceGoalRepository extends JpaRepository<ReferenceGoal, String> {

    Page<ReferenceGoal> findByTenantIdOrderByCreatedAtDesc(String tenantId, Pageable page);
}

package io.agentledger.bench.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferenceGoalRepository extends JpaRepository<ReferenceGoal, String> {
}

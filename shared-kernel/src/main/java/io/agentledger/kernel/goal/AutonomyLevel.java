package io.agentledger.kernel.goal;

/** How much an agent may do without a human: L0 asks for everything, L3 acts alone. */
public enum AutonomyLevel {
    L0, L1, L2, L3
}

package dev.jgym.core.sim;

import java.util.Map;

/**
 * One step of experience, as an agent learns from it.
 *
 * @param state the observation the action was chosen on
 * @param action the action taken
 * @param reward the reward received
 * @param next the observation after the action
 * @param terminated {@code next} is terminal: its value is 0, do not bootstrap
 * @param truncated the episode was cut from outside (time limit): bootstrap from {@code next}
 * @param info the env's info for the step
 */
public record Transition<O, A>(O state, A action, double reward, O next, boolean terminated, boolean truncated,
                               Map<String, Object> info) {
    public boolean done() {
        return terminated || truncated;
    }
}

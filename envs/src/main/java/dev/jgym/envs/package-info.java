/**
 * The environments, registered by id through one {@code EnvProvider} per family (listed in {@code
 * META-INF/services}).
 */
package dev.jgym.envs;

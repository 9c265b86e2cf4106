/**
 * Gymnasium's env contract: {@link dev.jgym.core.env.Env} (reset, step, close), {@link
 * dev.jgym.core.env.BaseEnv} (seeding), specs and the registry ({@link
 * dev.jgym.core.env.EnvRegistry}, {@link dev.jgym.core.env.EnvProvider}), wrappers, the env
 * checker and transition models for planning.
 */
package dev.jgym.core.env;

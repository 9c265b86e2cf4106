package dev.jgym.envs.control;

/**
 * Gymnasium's classic-control equations written out again, straight from the published Python
 * sources (gymnasium/envs/classic_control/{cartpole,mountain_car,continuous_mountain_car,acrobot,pendulum}.py, Gymnasium
 * 1.x), as plain functions of (state, action) in double. The tests hold the envs to these; they
 * share no code with the envs on purpose.
 */
final class GymnasiumReference {
    private GymnasiumReference() {}

    /** cartpole.py, step(), kinematics_integrator "euler". */
    static double[] cartPole(double[] s, int action) {
        double gravity = 9.8, masscart = 1.0, masspole = 0.1, totalMass = masspole + masscart, length = 0.5;
        double polemassLength = masspole * length, forceMag = 10.0, tau = 0.02;
        double x = s[0], xDot = s[1], theta = s[2], thetaDot = s[3];
        double force = action == 1 ? forceMag : -forceMag;
        double costheta = Math.cos(theta), sintheta = Math.sin(theta);
        double temp = (force + polemassLength * Math.pow(thetaDot, 2) * sintheta) / totalMass;
        double thetaacc = (gravity * sintheta - costheta * temp) / (length * (4.0 / 3.0 - masspole * Math.pow(costheta, 2) / totalMass));
        double xacc = temp - polemassLength * thetaacc * costheta / totalMass;
        return new double[] {x + tau * xDot, xDot + tau * xacc, theta + tau * thetaDot, thetaDot + tau * thetaacc};
    }

    /** mountain_car.py, step(). */
    static double[] mountainCar(double[] s, int action) {
        double position = s[0], velocity = s[1];
        velocity += (action - 1) * 0.001 + Math.cos(3 * position) * (-0.0025);
        velocity = Math.max(-0.07, Math.min(0.07, velocity));
        position += velocity;
        position = Math.max(-1.2, Math.min(0.6, position));
        if (position == -1.2 && velocity < 0) velocity = 0;
        return new double[] {position, velocity};
    }

    /**
     * continuous_mountain_car.py, step(), goal_velocity 0: returns {position', velocity', reward,
     * terminated (1 or 0)}; the state is stored as float32 at the end, as {@code self.state} is.
     */
    static double[] mountainCarContinuous(double[] s, double action) {
        double minAction = -1.0, maxAction = 1.0, minPosition = -1.2, maxPosition = 0.6, maxSpeed = 0.07, goalPosition = 0.45, power = 0.0015;
        double position = s[0], velocity = s[1];
        double force = Math.min(Math.max(action, minAction), maxAction);
        velocity += force * power - 0.0025 * Math.cos(3 * position);
        if (velocity > maxSpeed) velocity = maxSpeed;
        if (velocity < -maxSpeed) velocity = -maxSpeed;
        position += velocity;
        if (position > maxPosition) position = maxPosition;
        if (position < minPosition) position = minPosition;
        if (position == minPosition && velocity < 0) velocity = 0;
        boolean terminated = position >= goalPosition && velocity >= 0;
        double reward = 0;
        if (terminated) reward = 100.0;
        reward -= Math.pow(action, 2) * 0.1;
        return new double[] {(float) position, (float) velocity, reward, terminated ? 1 : 0};
    }

    /** pendulum.py, step(), g = 10: returns {theta', theta_dot', reward}. */
    static double[] pendulum(double[] s, double u) {
        double th = s[0], thdot = s[1], g = 10.0, m = 1.0, l = 1.0, dt = 0.05;
        u = Math.max(-2.0, Math.min(2.0, u));
        double norm = ((th + Math.PI) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI) - Math.PI;
        double costs = norm * norm + 0.1 * thdot * thdot + 0.001 * (u * u);
        double newthdot = thdot + (3 * g / (2 * l) * Math.sin(th) + 3.0 / (m * l * l) * u) * dt;
        newthdot = Math.max(-8, Math.min(8, newthdot));
        double newth = th + newthdot * dt;
        return new double[] {newth, newthdot, -costs};
    }

    /** acrobot.py, step() with book_or_nips = "book", torque_noise_max = 0. */
    static double[] acrobot(double[] s, int action) {
        double torque = new double[] {-1.0, 0.0, 1.0}[action];
        double[] y = {s[0], s[1], s[2], s[3], torque};
        double dt = 0.2, dt2 = dt / 2;
        double[] k1 = dsdt(y);
        double[] k2 = dsdt(axpy(y, dt2, k1));
        double[] k3 = dsdt(axpy(y, dt2, k2));
        double[] k4 = dsdt(axpy(y, dt, k3));
        double[] ns = new double[4];
        for (int i = 0; i < 4; i++) ns[i] = y[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        ns[0] = wrap(ns[0], -Math.PI, Math.PI);
        ns[1] = wrap(ns[1], -Math.PI, Math.PI);
        ns[2] = Math.min(Math.max(ns[2], -4 * Math.PI), 4 * Math.PI);
        ns[3] = Math.min(Math.max(ns[3], -9 * Math.PI), 9 * Math.PI);
        return ns;
    }

    static boolean acrobotTerminal(double[] s) {
        return -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
    }

    private static double[] axpy(double[] y, double a, double[] k) {
        double[] r = y.clone();
        for (int i = 0; i < k.length; i++) r[i] += a * k[i];
        return r;
    }

    private static double[] dsdt(double[] sa) {
        double m1 = 1, m2 = 1, l1 = 1, lc1 = 0.5, lc2 = 0.5, i1 = 1, i2 = 1, g = 9.8;
        double a = sa[4], theta1 = sa[0], theta2 = sa[1], dtheta1 = sa[2], dtheta2 = sa[3];
        double d1 = m1 * Math.pow(lc1, 2) + m2 * (Math.pow(l1, 2) + Math.pow(lc2, 2) + 2 * l1 * lc2 * Math.cos(theta2)) + i1 + i2;
        double d2 = m2 * (Math.pow(lc2, 2) + l1 * lc2 * Math.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * g * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * Math.pow(dtheta2, 2) * Math.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2)
                + (m1 * lc1 + m2 * l1) * g * Math.cos(theta1 - Math.PI / 2) + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * Math.pow(dtheta1, 2) * Math.sin(theta2) - phi2)
                / (m2 * Math.pow(lc2, 2) + i2 - Math.pow(d2, 2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2, 0.0};
    }

    private static double wrap(double x, double m, double big) {
        double diff = big - m;
        while (x > big) x = x - diff;
        while (x < m) x = x + diff;
        return x;
    }
}

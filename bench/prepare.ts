/**
 * The bench project's global setup: the packed package and the partner apps' installs, which the
 * bench and the package tests wait for, started as the run starts rather than when the first of
 * those files does. On a new machine they take seconds, mostly in programs of their own, while
 * the run's start leaves a core idle. The files find them made or wait for them (`keptFolder` in
 * test/package/consumer.ts), and report a failure themselves.
 */
import { appInstall, packedPackage, PACKAGE_NAME, REACT_18_APP_DEPENDENCIES, REACT_19_APP_DEPENDENCIES } from '../test/package/consumer';

export default function setup(): () => Promise<void> {
  const made = packedPackage().then((tarball) =>
    Promise.all(
      [REACT_18_APP_DEPENDENCIES, REACT_19_APP_DEPENDENCIES].map((dependencies) => appInstall({ ...dependencies, [PACKAGE_NAME]: `file:${tarball}` })),
    ),
  );
  made.catch(() => undefined);
  // The run ends once they are made: an install left running would outlive it.
  return async () => {
    await made.catch(() => undefined);
  };
}

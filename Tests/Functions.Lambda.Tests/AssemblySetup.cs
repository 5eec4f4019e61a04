// A fresh fixture instance per test: tests keep their mocks and captured logs in fields.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]

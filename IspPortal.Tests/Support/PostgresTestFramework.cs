using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("IspPortal.Tests.Support.PostgresTestFramework", "IspPortal.Tests")]

namespace IspPortal.Tests.Support;

// xunit 2 has no assembly fixtures; the test framework is disposed when the run ends, which is
// where the run's PostgreSQL cluster is stopped (process exit remains the fallback).
public sealed class PostgresTestFramework : XunitTestFramework
{
    public PostgresTestFramework(IMessageSink messageSink)
        : base(messageSink) => DisposalTracker.Add(new ClusterShutdown());

    private sealed class ClusterShutdown : IDisposable
    {
        public void Dispose() => TestPostgres.Stop();
    }
}

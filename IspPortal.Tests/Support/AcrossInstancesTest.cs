using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Support;

/// <summary>A test class with two portal instances (<see cref="TwoPortalInstances"/>) on one database, reset before each test.</summary>
public abstract class AcrossInstancesTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private TwoPortalInstances? _instances;

    protected DatabaseFixture Database => database;

    protected ServiceProvider First => Instances.First;

    protected ServiceProvider Second => Instances.Second;

    private TwoPortalInstances Instances => _instances ?? throw new InvalidOperationException("The instances have not been started (InitializeAsync).");

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _instances = await TwoPortalInstances.StartAsync(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_instances is not null)
            await _instances.DisposeAsync();
    }
}

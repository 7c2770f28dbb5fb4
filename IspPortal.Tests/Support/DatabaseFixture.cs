using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using InfrastructureServices = IspPortal.Infrastructure.DependencyInjection;

namespace IspPortal.Tests.Support;

// Placeholder with the API of the platform branch's fixture (which starts its own PostgreSQL);
// that fixture replaces this file at merge. Here it needs ConnectionStrings__Default to point at
// a database it may drop and migrate.
public class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Default to a scratch database for the database tests.");
        await ResetAsync();
    }

    public IspDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<IspDbContext>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = ConnectionString })
            .Build();
        InfrastructureServices.ConfigureDatabase(options, configuration);
        return new IspDbContext(options.Options);
    }

    public async Task ResetAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.EnsureDeletedAsync();
        // Before the first migration exists the model is created directly.
        if (db.Database.GetMigrations().Any())
            await db.Database.MigrateAsync();
        else
            await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without a database or the web host. The
/// connection string is only a placeholder: adding a migration never connects.
/// <c>dotnet ef database update</c> uses <c>ConnectionStrings__Default</c> when it is set.
/// </summary>
public sealed class IspDbDesignTimeFactory : IDesignTimeDbContextFactory<IspDbContext>
{
    private const string Placeholder = "Host=localhost;Database=ispportal;Username=postgres";

    public IspDbContext CreateDbContext(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{DependencyInjection.ConnectionStringName}"] = Placeholder })
            .AddEnvironmentVariables()
            .Build();
        var options = new DbContextOptionsBuilder<IspDbContext>();
        DependencyInjection.ConfigureDatabase(options, configuration);
        return new IspDbContext(options.Options);
    }
}

using IspPortal.Core;
using IspPortal.Core.Identity;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.Identity;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Web.Features.Identity.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using InfrastructureServices = IspPortal.Infrastructure.DependencyInjection;
using WebServices = IspPortal.Web.Host.WebServices;

namespace IspPortal.Tests.Support;

/// <summary>
/// The portal's Core and Infrastructure services over a test database, with ASP.NET Identity set
/// up as the web host sets it up (same rules, Indonesian messages), and a settable actor.
/// </summary>
public static class CoreServices
{
    /// <param name="clock">The time the use cases see (a <see cref="ManualTimeProvider"/> for schedules); the system clock by default.</param>
    /// <param name="settings">More configuration (<c>Section:Key</c>), e.g. a backup folder.</param>
    /// <param name="configure">More services after the portal's (e.g. a registration handler that fails).</param>
    public static ServiceProvider Build(string connectionString, TimeProvider? clock = null, string? photoFolder = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{InfrastructureServices.ConnectionStringName}"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        if (clock is not null)
            services.AddSingleton(clock);
        if (photoFolder is not null)
        {
            configuration[IspPortal.Infrastructure.Customers.FileCustomerPhotoStore.FolderKey] = photoFolder;
            configuration[IspPortal.Infrastructure.Tickets.FileTicketAttachmentStore.FolderKey] = Path.Combine(photoFolder, "tickets");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCore().AddInfrastructure(configuration);
        services.AddSingleton<TestActor>();
        services.AddSingleton<ICurrentUser>(sp => sp.GetRequiredService<TestActor>());
        services.AddIdentityCore<PortalUser>(WebServices.ConfigureIdentity)
            .AddRoles<PortalRole>()
            .AddEntityFrameworkStores<IspDbContext>()
            .AddErrorDescriber<IndonesianIdentityErrors>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Creates the six roles, as the portal does at start-up.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<PortalRole>>());
    }
}

/// <summary>Who the use cases under test act as; the system until a test says otherwise.</summary>
public sealed class TestActor : ICurrentUser
{
    public Actor Current { get; set; } = Actor.System;

    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Current);
}

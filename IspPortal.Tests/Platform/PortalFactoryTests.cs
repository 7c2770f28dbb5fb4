using System.Net;
using IspPortal.Infrastructure;
using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform;

public sealed class PortalFactoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Portal_listens_on_a_loopback_port_of_its_own_through_kestrel()
    {
        using var client = portal.CreateClient();

        Assert.Equal("127.0.0.1", portal.BaseAddress.Host);
        Assert.NotEqual(0, portal.BaseAddress.Port);
        Assert.Equal(portal.BaseAddress, client.BaseAddress);
        Assert.IsNotType<TestServer>(portal.Services.GetRequiredService<IServer>());
    }

    [Fact]
    public void Portal_uses_the_fixture_database_and_no_demo_data()
    {
        var configuration = portal.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(portal.Database.ConnectionString, configuration.GetConnectionString(DependencyInjection.ConnectionStringName));
        Assert.False(configuration.GetValue<bool>(LocalPostgresHosting.DemoEnabledKey));
        Assert.Null(portal.Services.GetService<LocalPostgresCluster>());
    }

    [Fact]
    public async Task Portal_serves_the_blazor_script_over_real_http()
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(new Uri("_framework/blazor.web.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}

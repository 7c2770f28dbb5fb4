using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

public sealed class CustomerListTests(LiveDemoPortalFactory portal) : IClassFixture<LiveDemoPortalFactory>, IAsyncLifetime
{
    private RegistrationResult _registered = null!;

    public async Task InitializeAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        var router = await db.Routers.SingleAsync(r => r.Code == "KTB");
        var package = await db.ServicePackages.SingleAsync(p => p.Code == "HOME-50");
        await using var scope = portal.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().ExecuteAsync(new RegistrationInput(
            new CustomerProfileInput("Wayan Sudarsana", "5171011208880007", null, "+62 857-1111-2222", null, "Jl. Raya Kotabaru 7", null, null, null, null, null, null, null, null),
            new ServiceChoice(router.LocationCodeId, router.Id, null, package.Id, null, null)));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        _registered = outcome.Value!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("5171011208880007")]
    [InlineData("5171 0112 0888 0007")]
    [InlineData("085711112222")]
    [InlineData("1111-2222")]
    [InlineData("wayan suda")]
    [InlineData("SUDARSANA")]
    public async Task The_search_box_finds_the_customer_by_what_an_agent_has_at_hand(string term)
    {
        var page = await PageAsync(new PageRequest(Search: term), new CustomerFilter());

        Assert.Contains(page.Items, r => r.Code == _registered.Code);
    }

    [Fact]
    public async Task The_search_finds_by_code_part_and_pppoe_username()
    {
        var byCode = await PageAsync(new PageRequest(Search: _registered.Code[^10..].ToLowerInvariant()), new CustomerFilter());
        var byUsername = await PageAsync(new PageRequest(Search: _registered.PppoeUsername.ToLowerInvariant()), new CustomerFilter());

        Assert.Contains(byCode.Items, r => r.Code == _registered.Code);
        // A username such as KTB260 is also part of other codes (KCB-KTB260826-…): other rows may match too.
        var row = Assert.Single(byUsername.Items, r => r.PppoeUsername == _registered.PppoeUsername);
        Assert.Equal((_registered.Code, _registered.PppoeUsername, "KTB", "Rumahan 50 Mbps"), (row.Code, row.PppoeUsername, row.RouterCode, row.PackageName));
    }

    [Fact]
    public async Task A_different_nik_does_not_match_and_filters_narrow_the_list()
    {
        var otherNik = await PageAsync(new PageRequest(Search: "5171011208880008"), new CustomerFilter());
        await using var db = portal.Database.CreateDbContext();
        var ktb = await db.Routers.SingleAsync(r => r.Code == "KTB");
        var isolatedOnKtb = await PageAsync(new PageRequest(PageSize: 500), new CustomerFilter(Status: CustomerStatus.Isolated, RouterId: ktb.Id));

        Assert.Empty(otherNik.Items);
        Assert.Equal(await db.Customers.CountAsync(c => c.Status == CustomerStatus.Isolated && c.RouterId == ktb.Id), isolatedOnKtb.Total);
        Assert.All(isolatedOnKtb.Items, r => Assert.Equal((CustomerStatus.Isolated, "KTB"), (r.Status, r.RouterCode)));
        Assert.NotEmpty(isolatedOnKtb.Items);
    }

    [Fact]
    public async Task Pages_are_newest_first_by_default_and_never_repeat_a_customer()
    {
        var first = await PageAsync(new PageRequest(0, 50), new CustomerFilter());
        var second = await PageAsync(new PageRequest(1, 50), new CustomerFilter());

        Assert.Equal(_registered.Code, first.Items[0].Code);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.RegisteredAt >= p.Second.RegisteredAt));
    }

    private async Task<PagedResult<CustomerRow>> PageAsync(PageRequest request, CustomerFilter filter)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerList>().PageAsync(request, filter);
    }
}

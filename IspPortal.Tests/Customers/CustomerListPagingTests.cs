using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

/// <summary>Keyset pages and the estimated total (docs/decisions/0025) on a list just past the counting limit.</summary>
public sealed class CustomerListPagingTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Customers = CustomerList.ExactCountLimit + 60;
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    // xunit makes a class per test; the portal and its customers are the fixture's, seeded once.
    public async Task InitializeAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            await using var db = portal.Database.CreateDbContext();
            if (!await db.Customers.AnyAsync())
                await BenchmarkCustomers.InsertSearchableAsync(portal, Customers, routers: 2);
        }
        finally
        {
            Seeding.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(null, false)]
    [InlineData(nameof(CustomerRow.RegisteredAt), false)]
    [InlineData(nameof(CustomerRow.FullName), false)]
    [InlineData(nameof(CustomerRow.FullName), true)]
    [InlineData(nameof(CustomerRow.Code), true)]
    [InlineData(nameof(CustomerRow.Status), false)]
    public async Task Pages_sought_from_the_page_beside_them_are_the_pages_by_position(string? sortBy, bool descending)
    {
        var request = new PageRequest(0, 50, SortBy: sortBy, Descending: descending);
        var filter = new CustomerFilter();
        var shown = CustomerListPosition.Of(request, filter, await PageAsync(request, filter));

        for (var page = 1; page <= 3; page++)
        {
            var next = await PageAsync(request with { Page = page }, filter, shown);
            Assert.Equal(Ids(await PageAsync(request with { Page = page }, filter)), Ids(next));
            shown = CustomerListPosition.Of(request with { Page = page }, filter, next);
        }
        var previous = await PageAsync(request with { Page = 2 }, filter, shown);
        Assert.Equal(Ids(await PageAsync(request with { Page = 2 }, filter)), Ids(previous));
    }

    [Fact]
    public async Task A_position_for_another_search_is_not_sought_from()
    {
        var shown = CustomerListPosition.Of(new PageRequest(0, 25), new CustomerFilter(), await PageAsync(new PageRequest(0, 25), new CustomerFilter()));
        var request = new PageRequest(1, 25, Search: "sri");

        var page = await PageAsync(request, new CustomerFilter(), shown);

        Assert.Equal(Ids(await PageAsync(request, new CustomerFilter())), Ids(page));
        Assert.All(page.Items, r => Assert.Contains("sri", r.FullName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_list_past_the_counting_limit_shows_an_estimate_and_a_shorter_one_its_count()
    {
        var all = await PageAsync(new PageRequest(), new CustomerFilter());
        var suspended = await PageAsync(new PageRequest(), new CustomerFilter(Status: CustomerStatus.Suspended));
        var lastPage = await PageAsync(new PageRequest(Customers / 25), new CustomerFilter());

        Assert.NotEqual(TotalKind.Exact, all.TotalKind);
        Assert.InRange(all.Total, CustomerList.ExactCountLimit, Customers * 2);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal((TotalKind.Exact, await db.Customers.CountAsync(c => c.Status == CustomerStatus.Suspended)), (suspended.TotalKind, suspended.Total));
        // A page shorter than a page size is the last: the total is known exactly there.
        Assert.Equal((TotalKind.Exact, Customers, Customers % 25), (lastPage.TotalKind, lastPage.Total, lastPage.Items.Count));
    }

    private static List<int> Ids(PagedResult<CustomerRow> page) => [.. page.Items.Select(r => r.Id)];

    private async Task<PagedResult<CustomerRow>> PageAsync(PageRequest request, CustomerFilter filter, CustomerListPosition? shown = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CustomerList>().PageAsync(request, filter, shown);
    }
}

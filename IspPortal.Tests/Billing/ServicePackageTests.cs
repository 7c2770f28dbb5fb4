using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

public sealed class ServicePackageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Package_list_searches_pages_and_sorts_on_the_server()
    {
        for (var i = 1; i <= 12; i++)
        {
            var saved = await RunAsync<SaveServicePackage, Outcome<IspPortal.Core.Billing.ServicePackage>>(save => save.ExecuteAsync(
                new ServicePackageInput(null, $"LIST-{i:00}", $"Daftar {i}", i, i, $"list-{i}", i * 10_000m, false, null)));
            Assert.True(saved.Succeeded, saved.FirstError);
        }

        var page = await RunAsync<ServicePackageList, PagedResult<IspPortal.Core.Billing.ServicePackage>>(list =>
            list.PageAsync(new PageRequest(Page: 1, PageSize: 5, Search: "list-", SortBy: "MonthlyPrice", Descending: true)));
        var injected = await RunAsync<ServicePackageList, PagedResult<IspPortal.Core.Billing.ServicePackage>>(list =>
            list.PageAsync(new PageRequest(Search: "%", SortBy: "code; drop table service_packages")));

        Assert.Equal(12, page.Total);
        Assert.Equal(["LIST-07", "LIST-06", "LIST-05", "LIST-04", "LIST-03"], page.Items.Select(p => p.Code));
        Assert.Equal(0, injected.Total);
    }

    [Fact]
    public async Task Paging_through_rows_with_equal_sort_values_shows_each_row_exactly_once()
    {
        for (var i = 1; i <= 10; i++)
        {
            var saved = await RunAsync<SaveServicePackage, Outcome<IspPortal.Core.Billing.ServicePackage>>(save => save.ExecuteAsync(
                new ServicePackageInput(null, $"SAMA-{i:00}", "Harga sama", 10, 10, "sama", 99_000m, false, null)));
            Assert.True(saved.Succeeded, saved.FirstError);
        }

        var pages = new List<string>();
        for (var page = 0; page < 4; page++)
        {
            var result = await RunAsync<ServicePackageList, PagedResult<IspPortal.Core.Billing.ServicePackage>>(list =>
                list.PageAsync(new PageRequest(Page: page, PageSize: 3, Search: "sama-", SortBy: "MonthlyPrice")));
            pages.AddRange(result.Items.Select(p => p.Code));
        }

        Assert.Equal(10, pages.Count);
        Assert.Equal(10, pages.Distinct().Count());
    }

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

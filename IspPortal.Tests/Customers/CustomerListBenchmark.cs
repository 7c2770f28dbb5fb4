using System.Diagnostics;
using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IspPortal.Tests.Customers;

/// <summary>
/// The customer list at 100,000 customers: first page, page 2,000 of 4,000 (reached with Next from the
/// page before it, keyset, and jumped to, OFFSET over an index-only scan), sorts, searches (name part,
/// phone as typed, code part, PPPoE username, NIK) and filters, each the median of several runs.
/// Run with: dotnet test --filter "FullyQualifiedName~CustomerListBenchmark" (prints the figures).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class CustomerListBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int Customers = 100_000;
    private const int Routers = 20;
    private const int Runs = 7;
    private const double TargetMs = 30;
    private const int DeepPage = 1999;

    [Fact]
    public async Task Customer_list_at_100k_customers()
    {
        var (routerId, nik) = await BenchmarkCustomers.InsertSearchableAsync(portal, Customers, Routers);
        await using var scope = portal.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<CustomerList>();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"customers: {Customers:N0} on {Routers} routers; median of {Runs} runs"));

        var first = await MeasureAsync(list, "first page, newest first", new PageRequest(), new CustomerFilter(), 25);
        var deep = Math.Max(
            await MeasureBesideAsync(list, "page 2,000 of 4,000 by Next (keyset)", new PageRequest(DeepPage - 1), new PageRequest(DeepPage)),
            await MeasureBesideAsync(list, "page 2,000 of 4,000 by Previous (keyset)", new PageRequest(DeepPage + 1), new PageRequest(DeepPage)));
        deep = Math.Max(deep, await MeasureAsync(list, "page 2,000 of 4,000 jumped to (offset)", new PageRequest(DeepPage), new CustomerFilter(), 25));
        var active = new CustomerFilter(Status: CustomerStatus.Active);
        deep = Math.Max(deep, await MeasureBesideAsync(list, "active (66,667), page 1,000 by Next (keyset)", new PageRequest(998), new PageRequest(999), active));
        // Not a target: a jump deep into a filtered list walks the sort's index past the rows the filter drops.
        await MeasureAsync(list, "active (66,667), page 1,000 jumped to", new PageRequest(999), active, 25);
        await AssertKeysetMatchesOffsetAsync(list, new PageRequest(DeepPage));
        await AssertKeysetMatchesOffsetAsync(list, new PageRequest(DeepPage, SortBy: nameof(CustomerRow.FullName)));

        var searches = new (string Name, PageRequest Request, CustomerFilter Filter, int AtLeast)[]
        {
            ("sorted by name", new PageRequest(SortBy: nameof(CustomerRow.FullName)), new CustomerFilter(), 25),
            ("sorted by code, descending", new PageRequest(SortBy: nameof(CustomerRow.Code), Descending: true), new CustomerFilter(), 25),
            ("sorted by status", new PageRequest(SortBy: nameof(CustomerRow.Status)), new CustomerFilter(), 25),
            ("search name part 'wati sapu'", new PageRequest(Search: "wati sapu"), new CustomerFilter(), 1),
            ("search phone as typed '0812 0004 56'", new PageRequest(Search: "0812 0004 56"), new CustomerFilter(), 1),
            ("search code part 'RH-0042'", new PageRequest(Search: "RH-0042"), new CustomerFilter(), 1),
            ("search PPPoE username 'brh142'", new PageRequest(Search: "brh142"), new CustomerFilter(), 1),
            ("search NIK", new PageRequest(Search: nik), new CustomerFilter(), 1),
            ("search with no match 'sri rahayux'", new PageRequest(Search: "sri rahayux"), new CustomerFilter(), 0),
            ("filter suspended on one router", new PageRequest(), new CustomerFilter(Status: CustomerStatus.Suspended, RouterId: routerId), 1),
            ("filter offline + search 'sri'", new PageRequest(Search: "sri"), new CustomerFilter(Connection: ConnectionState.Offline), 1),
        };
        var slowestSearch = 0.0;
        foreach (var (name, request, filter, atLeast) in searches)
            slowestSearch = Math.Max(slowestSearch, await MeasureAsync(list, name, request, filter, atLeast));

        Bench("customer_list_first_page_ms", first);
        Bench("customer_list_deep_page_ms", deep);
        Bench("customer_search_slowest_ms", slowestSearch);
        Assert.True(first < TargetMs, $"first page {first:F1} ms");
        Assert.True(deep < TargetMs, $"deep page {deep:F1} ms");
        Assert.True(slowestSearch < TargetMs, $"slowest search or sort {slowestSearch:F1} ms");
    }

    private async Task<double> MeasureAsync(CustomerList list, string name, PageRequest request, CustomerFilter filter, int atLeast)
    {
        PagedResult<CustomerRow>? page = null;
        var median = await MedianAsync(async () => page = await list.PageAsync(request, filter));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {median,7:F1} ms   {Total(page!),14} matches"));
        Assert.True(page!.Items.Count >= atLeast, $"{name}: {page.Items.Count} rows");
        return median;
    }

    private async Task<double> MeasureBesideAsync(CustomerList list, string name, PageRequest shownRequest, PageRequest request, CustomerFilter? filter = null)
    {
        filter ??= new CustomerFilter();
        var shown = CustomerListPosition.Of(shownRequest, filter, await list.PageAsync(shownRequest, filter));
        PagedResult<CustomerRow>? page = null;
        var median = await MedianAsync(async () => page = await list.PageAsync(request, filter, shown));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {median,7:F1} ms   {Total(page!),14} matches"));
        Assert.Equal(request.Take, page!.Items.Count);
        return median;
    }

    private static async Task AssertKeysetMatchesOffsetAsync(CustomerList list, PageRequest request)
    {
        var before = request with { Page = request.Page - 1 };
        var shown = CustomerListPosition.Of(before, new CustomerFilter(), await list.PageAsync(before, new CustomerFilter()));
        var bySeek = await list.PageAsync(request, new CustomerFilter(), shown);
        var byOffset = await list.PageAsync(request, new CustomerFilter());
        Assert.Equal(byOffset.Items.Select(r => r.Id), bySeek.Items.Select(r => r.Id));
    }

    private static async Task<double> MedianAsync(Func<Task> run)
    {
        var timings = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        return timings.Order().ElementAt(Runs / 2);
    }

    private static string Total(PagedResult<CustomerRow> page) => page.TotalKind switch
    {
        TotalKind.Estimated => string.Create(CultureInfo.InvariantCulture, $"± {page.Total:N0}"),
        TotalKind.AtLeast => string.Create(CultureInfo.InvariantCulture, $"> {page.Total:N0}"),
        _ => page.Total.ToString("N0", CultureInfo.InvariantCulture),
    };

    private void Bench(string name, double ms) =>
        output.WriteLine(Support.Bench.Line(name, ms, "ms", TargetMs));
}

using IspPortal.Core.Common;
using IspPortal.Web.Shell.Components;
using MudBlazor;

namespace IspPortal.Tests.Platform.Shell;

public class GridRequestsTests
{
    private sealed record Row(string Code);

    [Fact]
    public void Grid_page_size_sort_and_search_become_the_page_request()
    {
        var state = new GridState<Row>
        {
            Page = 2,
            PageSize = 50,
            SortDefinitions = [new SortDefinition<Row>(nameof(Row.Code), true, 0, r => r.Code)],
        };

        var request = state.ToPageRequest("kcb");

        Assert.Equal(new PageRequest(2, 50, "kcb", nameof(Row.Code), true), request);
        Assert.Equal(100, request.Skip);
    }

    [Fact]
    public void Without_a_sort_the_request_leaves_the_default_to_the_list()
    {
        var request = new GridState<Row> { Page = 0, PageSize = 25 }.ToPageRequest(null);

        Assert.Null(request.SortBy);
        Assert.False(request.Descending);
        Assert.Null(request.SearchTerm);
    }

    [Fact]
    public void A_page_becomes_grid_data()
    {
        var data = new PagedResult<Row>([new Row("KCB")], 41).ToGridData();

        Assert.Equal(41, data.TotalItems);
        Assert.Equal("KCB", Assert.Single(data.Items).Code);
    }
}

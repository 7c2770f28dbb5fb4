using IspPortal.Core.Common;
using MudBlazor;

namespace IspPortal.Web.Shell.Components;

public static class GridRequests
{
    /// <summary>
    /// A MudDataGrid's state as the Core's page request: the sort column is the column's
    /// property name, which each Core list maps to an allowed expression.
    /// </summary>
    public static PageRequest ToPageRequest<T>(this GridState<T> state, string? search)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, search, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this PagedResult<T> page) =>
        new() { Items = page.Items, TotalItems = page.Total };

    /// <summary>
    /// After a new search or filter: back to the first page, then load. Staying on page 3 of the
    /// old results would show an empty page for a search with one page of hits.
    /// </summary>
    public static async Task ReloadFromFirstPageAsync<T>(this MudDataGrid<T> grid)
    {
        grid.NavigateTo(Page.First);
        await grid.ReloadServerData();
    }
}

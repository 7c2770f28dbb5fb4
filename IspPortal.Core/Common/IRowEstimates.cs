namespace IspPortal.Core.Common;

/// <summary>The database planner's estimate of how many rows a query returns: free, unlike a count of a large set.</summary>
public interface IRowEstimates
{
    Task<long> EstimateAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default);
}

namespace IspPortal.Core.Reports.Revenue;

/// <summary>
/// One month's MRR movement summed over the customers, as <see cref="IRevenueQueries.MovementAsync"/> adds it up in the database.
/// Amounts are MRR in rupiah; the counts are customers.
/// </summary>
public sealed record MovementRow(
    DateOnly Month, decimal Mrr, decimal Opening, decimal New, decimal Reactivated, decimal Expansion, decimal Contraction, decimal Churned,
    int Active, int ActiveStart, int NewCustomers, int ReactivatedCustomers, int ExpansionCustomers, int ContractionCustomers, int ChurnedCustomers,
    int Registered, int Terminated);

/// <summary>Of the customers registered in the cohort's month, <paramref name="Customers"/> had MRR <paramref name="MonthsSince"/> months later (−1: the cohort's size).</summary>
public sealed record CohortCell(DateOnly Cohort, int MonthsSince, int Customers);

/// <summary>Active customers and their MRR in one month for one package, location or router (<paramref name="Id"/> null: no router).</summary>
public sealed record MixRow(MixDimension Dimension, int? Id, string Name, int Customers, decimal Mrr);

public enum MixDimension
{
    Package,
    Location,
    Router,
}

/// <summary>
/// The revenue reports' aggregates, each one SQL statement grouped in the database (Infrastructure: PostgreSQL).
/// A customer's MRR for a month is defined on <see cref="MrrMovement"/>.
/// </summary>
public interface IRevenueQueries
{
    /// <summary>Every month of the range, also those without a customer (zeros).</summary>
    /// <param name="bounds">From <see cref="MonthRange.Bounds"/>: registrations and terminations are counted by the ISP's days.</param>
    Task<IReadOnlyList<MovementRow>> MovementAsync(MonthRange range, IReadOnlyList<DateTimeOffset> bounds, RevenueFilter filter, CancellationToken cancellationToken);

    /// <summary>The cohorts registered in the range: their size, and the customers with MRR in months 0 to <paramref name="months"/> − 1 after.</summary>
    Task<IReadOnlyList<CohortCell>> CohortsAsync(MonthRange range, IReadOnlyList<DateTimeOffset> bounds, int months, RevenueFilter filter, CancellationToken cancellationToken);

    /// <summary>The customers with MRR in the month per package billed, per location and per router, largest MRR first.</summary>
    Task<IReadOnlyList<MixRow>> MixAsync(DateOnly month, RevenueFilter filter, CancellationToken cancellationToken);
}

using IspPortal.Core.Common;
using IspPortal.Core.Customers;

namespace IspPortal.Core.Network.Isolation;

public sealed record BulkIsolationProgress(int Done, int Total, string CustomerCode, bool Succeeded, string Message);

public sealed record BulkIsolationSummary(IReadOnlyList<BulkIsolationProgress> Results)
{
    public int Applied => Results.Count(r => r.Succeeded);

    public int Refused => Results.Count(r => !r.Succeeded);
}

/// <summary>
/// Isolir or activate a selection of customers one after the other (each its own transaction, so
/// one refusal never undoes the others), reporting progress after each for the screen's bar.
/// </summary>
public sealed class BulkIsolation(CustomerIsolation isolation)
{
    public const int MaxSelection = 1_000;

    public async Task<Outcome<BulkIsolationSummary>> ExecuteAsync(
        IReadOnlyCollection<string> customerCodes,
        CustomerStatus target,
        string reason,
        IProgress<BulkIsolationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var codes = customerCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var errors = new FieldErrors()
            .When(codes.Count == 0, nameof(customerCodes), "Pilih paling sedikit satu pelanggan.")
            .When(codes.Count > MaxSelection, nameof(customerCodes), $"Paling banyak {MaxSelection} pelanggan sekaligus.")
            .When(target is not (CustomerStatus.Isolated or CustomerStatus.Active), nameof(target), "Aksi massal hanya isolir atau aktifkan.")
            .When(string.IsNullOrWhiteSpace(reason), nameof(reason), "Alasan wajib diisi.");
        if (errors.Any)
            return Outcome.Refused<BulkIsolationSummary>(errors);

        var results = new List<BulkIsolationProgress>(codes.Count);
        foreach (var code in codes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = target == CustomerStatus.Isolated
                ? await isolation.IsolateAsync(code, reason, StatusChangeSource.User, cancellationToken)
                : await isolation.ActivateAsync(code, reason, StatusChangeSource.User, cancellationToken);
            var step = new BulkIsolationProgress(results.Count + 1, codes.Count, code, outcome.Succeeded,
                outcome.Value?.Message ?? outcome.FirstError);
            results.Add(step);
            progress?.Report(step);
        }
        return Outcome.Done(new BulkIsolationSummary(results));
    }
}

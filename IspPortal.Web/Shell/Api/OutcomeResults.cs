using IspPortal.Core.Common;

namespace IspPortal.Web.Shell.Api;

public static class OutcomeResults
{
    /// <summary>
    /// A refused use case as a 400 validation problem; field names in camelCase as in the JSON
    /// the client sent, "" (the whole request) as "request".
    /// </summary>
    public static IResult ToValidationProblem<T>(this Outcome<T> outcome) =>
        TypedResults.ValidationProblem(
            outcome.Errors.ToDictionary(e => e.Key.Length == 0 ? "request" : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value),
            title: "Permintaan tidak valid",
            detail: outcome.FirstError);
}

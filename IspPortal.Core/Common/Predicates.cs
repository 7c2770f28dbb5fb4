using System.Linq.Expressions;

namespace IspPortal.Core.Common;

public static class Predicates
{
    /// <summary>
    /// One filter that matches when any of <paramref name="alternatives"/> does. Built from only the
    /// alternatives that apply, so PostgreSQL sees a plain OR of indexable conditions (a bitmap OR)
    /// instead of "parameter IS NULL OR …" branches that force a scan.
    /// </summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<Expression<Func<T, bool>>> alternatives)
    {
        if (alternatives.Count == 0)
            return _ => false;
        var parameter = alternatives[0].Parameters[0];
        var body = alternatives.Skip(1).Aggregate(alternatives[0].Body,
            (combined, next) => Expression.OrElse(combined, new Rebind(next.Parameters[0], parameter).Visit(next.Body)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

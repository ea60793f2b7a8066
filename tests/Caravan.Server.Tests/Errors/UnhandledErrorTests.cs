using System.Collections.Concurrent;
using System.Net;
using Caravan.Core.Shipments;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Server.Tests.Errors;

/// <summary>A 500 carries one trace id, and the server's error line for that request names the same id.</summary>
public sealed class UnhandledErrorTests
{
    [Fact]
    public async Task The_trace_id_of_a_500_is_on_its_error_line_in_the_log()
    {
        using var directory = new TempDirectory();
        var log = new CapturedLog();
        await using var factory = new CaravanFactory(directory.Path, services: s =>
        {
            s.AddSingleton<IRetentionStore, FailingRetentionStore>();
            s.AddSingleton<ILoggerProvider>(log);
        });
        using var admin = factory.Admin();

        var response = await admin.GetAsync("/api/parties/caravan/retention");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await Api.ProblemAsync(response);
        var traceId = problem["traceId"]!.GetValue<string>();
        Assert.DoesNotContain(FailingRetentionStore.Message, problem.ToJsonString(), StringComparison.Ordinal);
        var line = Assert.Single(log.Errors, e => e.Exception?.Message == FailingRetentionStore.Message);
        Assert.Contains(traceId, line.Text, StringComparison.Ordinal);
    }

    /// <summary>Every Error line logged: its text and exception.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<(string Text, Exception? Exception)> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Errors.Enqueue((formatter(state, exception), exception));
                }
            }
        }
    }

    /// <summary>A retention store whose every call fails, as a broken database would.</summary>
    private sealed class FailingRetentionStore : IRetentionStore
    {
        public const string Message = "The retention store failed (test).";

        public Task<RetentionPolicy?> FindAsync(PartyId party, CancellationToken cancellationToken) => throw Fail();

        public Task<IReadOnlyDictionary<PartyId, RetentionPolicy>> ListAsync(CancellationToken cancellationToken) => throw Fail();

        public Task SetAsync(PartyId party, RetentionPolicy? policy, DateTimeOffset updatedAt, CancellationToken cancellationToken) => throw Fail();

        public Task<DateTimeOffset?> MarkAsync(DeviceId device, CancellationToken cancellationToken) => throw Fail();

        public Task<RetentionChunk> ReadAsync(DeviceId device, DateTimeOffset? from, DateTimeOffset before, int limit, CancellationToken cancellationToken) => throw Fail();

        public Task<int> DownsampleAsync(DeviceId device, IReadOnlyList<DateTimeOffset> times, DateTimeOffset mark, CancellationToken cancellationToken) => throw Fail();

        public Task<int> ExpireAsync(DeviceId device, DateTimeOffset before, int limit, CancellationToken cancellationToken) => throw Fail();

        private static InvalidOperationException Fail() => new(Message);
    }
}

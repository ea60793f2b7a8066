using System.Threading.Channels;
using Caravan.Core.Telemetry;
using Caravan.Storage;
using Microsoft.Extensions.Options;

namespace Caravan.Server.Telemetry;

/// <summary>
/// The one way into the readings store for every ingestion path (HTTP, OsmAnd, MQTT): a bounded queue of submissions
/// and one loop that writes as many as are waiting (up to <see cref="IngestionOptions.MaxBatchReadings"/>) with a
/// single <see cref="IReadingStore.AppendEachAsync"/>, publishes them to the <see cref="StoredReadingsFeed"/>, and only
/// then completes each submitter — so an acknowledgement (HTTP 2xx, MQTT PUBACK) always means durable. A full queue
/// makes submitters wait, at most <see cref="IngestionOptions.EnqueueTimeout"/>; stopping refuses new submissions and
/// writes every one already accepted.
/// </summary>
public sealed class ReadingPipeline : IHostedService
{
    private readonly IReadingStore _store;
    private readonly StoredReadingsFeed _feed;
    private readonly IngestionOptions _options;
    private readonly ILogger<ReadingPipeline> _logger;
    private readonly Channel<Submission> _queue;
    private Task? _loop;

    public ReadingPipeline(IReadingStore store, StoredReadingsFeed feed, IOptions<IngestionOptions> options, ILogger<ReadingPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _feed = feed;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<Submission>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Queues <paramref name="readings"/> (already validated, of any devices) and completes once they are durable,
    /// with how many were new and how many duplicates.
    /// </summary>
    /// <exception cref="IngestionUnavailableException">The queue stayed full, the server is stopping, or the write failed; nothing is acknowledged.</exception>
    public async Task<ReadingAppendResult> SubmitAsync(IReadOnlyList<TrackerReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return new ReadingAppendResult(0, 0);
        }

        var submission = new Submission(readings);
        if (!_queue.Writer.TryWrite(submission))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.EnqueueTimeout);
            try
            {
                await _queue.Writer.WriteAsync(submission, timeout.Token).ConfigureAwait(false);
            }
            catch (ChannelClosedException e)
            {
                throw new IngestionUnavailableException("The server is stopping and takes no more readings.", e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                Log.IngestionQueueFull(_logger, _options.EnqueueTimeout);
                throw new IngestionUnavailableException($"The ingestion queue stayed full for {_options.EnqueueTimeout.TotalSeconds:0.#} s; retry later.", e);
            }
        }

        // Once queued the readings will be written whatever the submitter does; it may only stop waiting.
        return await submission.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Refuses new submissions and waits until every accepted one is written.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Submission>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var readings = 0;
            while (readings < _options.MaxBatchReadings && reader.TryRead(out var submission))
            {
                batch.Add(submission);
                readings += submission.Readings.Count;
            }

            await WriteAsync(batch, readings).ConfigureAwait(false);
        }

        Log.PipelineStopped(_logger);
    }

    private async Task WriteAsync(List<Submission> batch, int readings)
    {
        IReadOnlyList<ReadingAppendResult> results;
        try
        {
            results = await _store.AppendEachAsync([.. batch.Select(s => s.Readings)], CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.PipelineWriteFailed(_logger, batch.Count, readings, e);
            foreach (var submission in batch)
            {
                submission.Done.TrySetException(new IngestionUnavailableException("The readings could not be stored; retry later.", e));
            }

            return;
        }

        var stored = new List<TrackerReading>(readings);
        foreach (var submission in batch)
        {
            stored.AddRange(submission.Readings);
        }

        _feed.Publish(stored);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private sealed class Submission(IReadOnlyList<TrackerReading> readings)
    {
        public IReadOnlyList<TrackerReading> Readings { get; } = readings;

        public TaskCompletionSource<ReadingAppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

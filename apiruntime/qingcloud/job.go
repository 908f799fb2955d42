package qingcloud

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// Job statuses from describe_jobs.md. StatusDoneWithFailure is not in the
// pages this project holds; it is treated as final (a partial failure) so a
// job reporting it does not poll forever.
const (
	StatusPending         = "pending"
	StatusWorking         = "working"
	StatusSuccessful      = "successful"
	StatusFailed          = "failed"
	StatusDoneWithFailure = "done with failure"
)

// Job is one item of DescribeJobs' job_set.
type Job struct {
	JobID       string    `json:"job_id"`
	JobAction   string    `json:"job_action"`
	Status      string    `json:"status"`
	ResourceIDs string    `json:"resource_ids"` // space-separated
	Owner       string    `json:"owner"`
	ErrorCodes  string    `json:"error_codes"`
	CreateTime  time.Time `json:"create_time"`
	StatusTime  time.Time `json:"status_time"`
}

// UnmarshalJSON tolerates empty or odd timestamps: a job's status matters
// more than its dates.
func (j *Job) UnmarshalJSON(b []byte) error {
	type plain Job
	var raw struct {
		plain
		CreateTime string `json:"create_time"`
		StatusTime string `json:"status_time"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*j = Job(raw.plain)
	j.CreateTime, _ = time.Parse(time.RFC3339, raw.CreateTime)
	j.StatusTime, _ = time.Parse(time.RFC3339, raw.StatusTime)
	return nil
}

// JobFailedError is a job that ended "failed", or "done with failure"
// (Partial: some of its resources may have been handled).
type JobFailedError struct {
	Job     Job
	Partial bool
}

func (e *JobFailedError) Error() string {
	s := fmt.Sprintf("job %s", e.Job.JobID)
	if e.Job.JobAction != "" {
		s += " (" + e.Job.JobAction + ")"
	}
	s += " " + e.Job.Status
	if e.Job.ErrorCodes != "" {
		s += ": error codes " + e.Job.ErrorCodes
	}
	return s
}

// WaitOption configures WaitJob.
type WaitOption func(*waitConfig)

type waitConfig struct {
	first, max time.Duration
	progress   func(apiruntime.Progress)
}

// WithProgress reports each poll that finds the job still pending or
// working to f.
func WithProgress(f func(apiruntime.Progress)) WaitOption {
	return func(c *waitConfig) { c.progress = f }
}

// PollInterval sets the wait between DescribeJobs calls: first, growing by
// half each time up to limit (pass first == limit for a fixed interval). The
// default, 1 s up to 15 s, keeps a long job from eating the hourly quota.
func PollInterval(first, limit time.Duration) WaitOption {
	return func(c *waitConfig) { c.first, c.max = first, max(first, limit) }
}

type describeJobsParams struct {
	Jobs []string `json:"jobs"`
}

type describeJobsResponse struct {
	JobSet     []Job `json:"job_set"`
	TotalCount int   `json:"total_count"`
}

// WaitJob polls DescribeJobs (jobs.1=jobID) until the job reaches a final
// status: "successful" returns the job; "failed" and "done with failure"
// return it with a *JobFailedError. pending, working and unknown statuses
// keep polling until ctx ends. Polls go through Do, so they are signed,
// rate-limited and retried on 5000/5100 like any Describe call.
func (t *Transport) WaitJob(ctx context.Context, jobID string, opts ...WaitOption) (*Job, error) {
	cfg := waitConfig{first: time.Second, max: 15 * time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	interval := cfg.first
	start, polls := time.Now(), 0
	for {
		var resp describeJobsResponse
		req := &apiruntime.Request{
			Operation: "DescribeJobs",
			Action:    "DescribeJobs",
			Params:    &describeJobsParams{Jobs: []string{jobID}},
			Auth:      true,
		}
		if err := t.Do(ctx, req, &resp); err != nil {
			return nil, fmt.Errorf("wait job %s: %w", jobID, err)
		}
		job := findJob(resp.JobSet, jobID)
		if job == nil {
			return nil, fmt.Errorf("wait job %s: not found", jobID)
		}
		switch job.Status {
		case StatusSuccessful:
			return job, nil
		case StatusFailed:
			return job, &JobFailedError{Job: *job}
		case StatusDoneWithFailure:
			return job, &JobFailedError{Job: *job, Partial: true}
		}
		polls++
		if cfg.progress != nil {
			cfg.progress(apiruntime.Progress{ID: "job " + jobID, Status: job.Status, Polls: polls, Elapsed: time.Since(start)})
		}
		if err := t.clock.sleep(ctx, interval); err != nil {
			return job, fmt.Errorf("wait job %s: still %s: %w", jobID, job.Status, err)
		}
		interval = min(interval+interval/2, cfg.max)
	}
}

func findJob(jobs []Job, id string) *Job {
	for i := range jobs {
		if jobs[i].JobID == id {
			return &jobs[i]
		}
	}
	return nil
}

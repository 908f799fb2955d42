package cloudtower

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// TaskStatus is a Task's status as the tower spells it (enum TaskStatus in
// every spec 1.8.0–4.6.0; PAUSED since 2.0.0).
type TaskStatus string

const (
	TaskPending   TaskStatus = "PENDING"
	TaskExecuting TaskStatus = "EXECUTING"
	TaskPaused    TaskStatus = "PAUSED"
	// TaskSucceeded is spelled SUCCESSED on the wire.
	TaskSucceeded TaskStatus = "SUCCESSED"
	TaskFailed    TaskStatus = "FAILED"
)

// Task is the part of the spec's Task schema that waiting needs.
type Task struct {
	ID           string     `json:"id"`
	Status       TaskStatus `json:"status"`
	Description  string     `json:"description"`
	ErrorCode    string     `json:"error_code"`
	ErrorMessage string     `json:"error_message"`
}

// Defaults of the vendor SDKs' WaitTask.
const (
	DefaultInterval = 5 * time.Second
	DefaultTimeout  = 300 * time.Second
)

// WaitOption configures WaitTasks.
type WaitOption func(*waitConfig)

type waitConfig struct {
	interval, timeout time.Duration
	progress          func(apiruntime.Progress)
}

// WithProgress reports each poll that finds tasks still running to f,
// naming the first of them.
func WithProgress(f func(apiruntime.Progress)) WaitOption {
	return func(c *waitConfig) { c.progress = f }
}

// WithInterval sets the pause between polls (default 5 s).
func WithInterval(d time.Duration) WaitOption { return func(c *waitConfig) { c.interval = d } }

// WithTimeout bounds the whole wait (default 300 s); past it WaitTasks
// returns *TaskTimeoutError.
func WithTimeout(d time.Duration) WaitOption { return func(c *waitConfig) { c.timeout = d } }

// errWaitTimeout marks the wait's own deadline, to tell it from the
// caller's context ending.
var errWaitTimeout = errors.New("task wait timed out")

// WaitTask waits for one task; see WaitTasks.
func (t *Transport) WaitTask(ctx context.Context, id string, opts ...WaitOption) error {
	return t.WaitTasks(ctx, []string{id}, opts...)
}

// WaitTasks polls POST /get-tasks until every task SUCCESSED. It stops at
// the first FAILED task (*TaskFailedError), when the timeout passes
// (*TaskTimeoutError) or when ctx ends (ctx's error). Empty ids are skipped;
// PENDING, EXECUTING, PAUSED and statuses it does not know keep it waiting.
func (t *Transport) WaitTasks(ctx context.Context, ids []string, opts ...WaitOption) error {
	c := waitConfig{interval: DefaultInterval, timeout: DefaultTimeout}
	for _, o := range opts {
		o(&c)
	}
	// Zero or negative values would poll in a busy loop or never poll.
	if c.interval <= 0 {
		c.interval = DefaultInterval
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	var pending []string
	for _, id := range ids {
		if id != "" && !slices.Contains(pending, id) {
			pending = append(pending, id)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	wctx, cancel := context.WithTimeoutCause(ctx, c.timeout, errWaitTimeout)
	defer cancel()
	timeout := func() error {
		if ctx.Err() == nil && context.Cause(wctx) == errWaitTimeout {
			return &TaskTimeoutError{IDs: pending, Timeout: c.timeout}
		}
		return nil
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	start, polls := time.Now(), 0
	for {
		select {
		case <-wctx.Done():
			if err := timeout(); err != nil {
				return err
			}
			return ctx.Err()
		case <-timer.C:
		}
		tasks, err := t.getTasks(wctx, pending)
		if err != nil {
			if terr := timeout(); terr != nil {
				return terr
			}
			return err
		}
		byID := make(map[string]Task, len(tasks))
		for _, task := range tasks {
			byID[task.ID] = task
		}
		// Walk in the caller's order so the failure reported is deterministic.
		var still []string
		for _, id := range pending {
			task, ok := byID[id]
			switch {
			case ok && task.Status == TaskSucceeded:
			case ok && task.Status == TaskFailed:
				return &TaskFailedError{
					TaskID:       id,
					Status:       task.Status,
					Description:  task.Description,
					ErrorCode:    task.ErrorCode,
					ErrorMessage: task.ErrorMessage,
				}
			default:
				still = append(still, id)
			}
		}
		pending = still
		if len(pending) == 0 {
			return nil
		}
		polls++
		if c.progress != nil {
			id := "task " + pending[0]
			if len(pending) > 1 {
				id = fmt.Sprintf("%d tasks (%s…)", len(pending), pending[0])
			}
			status := string(byID[pending[0]].Status)
			c.progress(apiruntime.Progress{ID: id, Status: cmp.Or(status, "unknown"), Polls: polls, Elapsed: time.Since(start)})
		}
		timer.Reset(c.interval)
	}
}

// getTasksBody is the slice of GetTasksRequestBody waiting needs:
// {"where": {"id_in": [...]}}.
type getTasksBody struct {
	Where struct {
		IDIn []string `json:"id_in"`
	} `json:"where"`
}

// getTasks asks for the given tasks only.
func (t *Transport) getTasks(ctx context.Context, ids []string) ([]Task, error) {
	var body getTasksBody
	body.Where.IDIn = ids
	var tasks []Task
	err := t.Do(ctx, &apiruntime.Request{
		Operation: "GetTasks",
		Method:    http.MethodPost,
		Path:      "/get-tasks",
		Body:      body,
		Auth:      true,
	}, &tasks)
	return tasks, err
}

// TaskIDs collects the task ids of a WithTask list (what mutations answer),
// skipping missing ones:
//
//	ids := cloudtower.TaskIDs(res, func(v gen.WithTaskVM) *string { return v.TaskID })
func TaskIDs[T any, S string | *string](withTasks []T, get func(T) S) []string {
	var ids []string
	for _, w := range withTasks {
		var id string
		switch v := any(get(w)).(type) {
		case string:
			id = v
		case *string:
			if v != nil {
				id = *v
			}
		}
		if id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

package cloudtower

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

func status(ss ...TaskStatus) []Task {
	out := make([]Task, len(ss))
	for i, s := range ss {
		out[i] = Task{Status: s}
	}
	return out
}

func idsAsked(t *testing.T, f *fakeTower) [][]string {
	var out [][]string
	for _, r := range f.recorded("/get-tasks") {
		var in getTasksBody
		if err := json.Unmarshal(r.body, &in); err != nil {
			t.Fatal(err)
		}
		out = append(out, in.Where.IDIn)
	}
	return out
}

func TestWaitTasksSucceeds(t *testing.T) {
	f, srv := newFakeTower(t)
	f.tasks["t1"] = status(TaskPending, TaskSucceeded)
	f.tasks["t2"] = status(TaskExecuting, TaskExecuting, TaskSucceeded)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	start := time.Now()
	var progress []string
	report := WithProgress(func(p apiruntime.Progress) {
		progress = append(progress, fmt.Sprintf("%s %s %d", p.ID, p.Status, p.Polls))
	})
	if err := tr.WaitTasks(context.Background(), []string{"t1", "t2", "t1", ""}, WithInterval(5*time.Millisecond), WithTimeout(5*time.Second), report); err != nil {
		t.Fatal(err)
	}
	// Each poll that left tasks running is reported, naming the first.
	if want := []string{"2 tasks (t1…) PENDING 1", "task t2 EXECUTING 2"}; !slices.Equal(progress, want) {
		t.Errorf("progress %q, want %q", progress, want)
	}
	// Three polls, two pauses; finished tasks are no longer asked for.
	want := [][]string{{"t1", "t2"}, {"t1", "t2"}, {"t2"}}
	if got := idsAsked(t, f); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("polls asked for %v, want %v", got, want)
	}
	if d := time.Since(start); d < 10*time.Millisecond {
		t.Errorf("waited %v, want at least two 5ms intervals", d)
	}
}

func TestWaitTaskFails(t *testing.T) {
	f, srv := newFakeTower(t)
	f.tasks["ok"] = status(TaskExecuting)
	f.tasks["bad"] = []Task{
		{Status: TaskExecuting},
		{Status: TaskFailed, Description: "create vm", ErrorCode: "VM_CREATE_FAILED", ErrorMessage: "no space"},
	}
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	err := tr.WaitTasks(context.Background(), []string{"ok", "bad"}, WithInterval(time.Millisecond), WithTimeout(5*time.Second))
	var fe *TaskFailedError
	if !errors.As(err, &fe) {
		t.Fatalf("err = %v (%T), want *TaskFailedError", err, err)
	}
	if fe.TaskID != "bad" || fe.Status != TaskFailed || fe.ErrorCode != "VM_CREATE_FAILED" || fe.ErrorMessage != "no space" {
		t.Errorf("error = %+v", fe)
	}
	if want := "task bad (create vm): FAILED: VM_CREATE_FAILED: no space"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	if n := len(f.recorded("/get-tasks")); n != 2 {
		t.Errorf("%d polls, want 2 (stop at the first failure)", n)
	}
}

func TestWaitTasksTimeout(t *testing.T) {
	f, srv := newFakeTower(t)
	f.tasks["t1"] = status(TaskPending, TaskSucceeded)
	f.tasks["t2"] = status(TaskPaused)
	f.tasks["t3"] = status(TaskExecuting)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	err := tr.WaitTasks(context.Background(), []string{"t3", "t1", "t2"}, WithInterval(5*time.Millisecond), WithTimeout(60*time.Millisecond))
	var te *TaskTimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v (%T), want *TaskTimeoutError", err, err)
	}
	if !slices.Equal(te.IDs, []string{"t3", "t2"}) || te.Timeout != 60*time.Millisecond {
		t.Errorf("error = %+v, want t3, t2 pending after 60ms", te)
	}
	if n := len(f.recorded("/get-tasks")); n < 3 {
		t.Errorf("%d polls in 60ms at 5ms intervals", n)
	}
}

func TestWaitTasksContextCanceled(t *testing.T) {
	f, srv := newFakeTower(t)
	f.tasks["t1"] = status(TaskExecuting)
	tr := New(srv.URL+"/v2/api", WithToken("tok-123"))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := tr.WaitTask(ctx, "t1", WithInterval(2*time.Millisecond))
	var te *TaskTimeoutError
	if !errors.Is(err, context.DeadlineExceeded) || errors.As(err, &te) {
		t.Errorf("err = %v (%T), want the caller's context error", err, err)
	}
}

func TestWaitTasksNothing(t *testing.T) {
	f, srv := newFakeTower(t)
	if err := New(srv.URL).WaitTasks(context.Background(), []string{""}); err != nil {
		t.Fatal(err)
	}
	if n := len(f.recorded("/get-tasks")); n != 0 {
		t.Errorf("%d polls for no tasks", n)
	}
}

func TestTaskIDs(t *testing.T) {
	s := func(v string) *string { return &v }
	ptrs := []*string{s("a"), nil, s(""), s("b")}
	if got := TaskIDs(ptrs, func(p *string) *string { return p }); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("TaskIDs(*string) = %v", got)
	}
	if got := TaskIDs([]string{"x", "", "y"}, func(v string) string { return v }); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("TaskIDs(string) = %v", got)
	}
}

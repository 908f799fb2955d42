package cloudtower

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

// Error is a non-2xx answer whose body is CloudTower's ErrorBody
// ({code, message, status, path, operationName}, specs 2.0.0 on; code since
// 4.0.0). It wraps the *apiruntime.APIError, so errors.As finds either.
type Error struct {
	// Code is the machine-readable reason ("ResourceLocked"), often empty.
	Code          string
	Message       string
	Path          string
	OperationName string
	Err           *apiruntime.APIError
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: HTTP %d", e.Err.Operation, e.Err.StatusCode)
	if e.Err.RequestID != "" {
		fmt.Fprintf(&b, " (request id %s)", e.Err.RequestID)
	}
	if e.Code != "" {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// errorBody is the spec's ErrorBody; stack and props are left out, being
// server internals and echoed input.
type errorBody struct {
	Code          string  `json:"code"`
	Message       *string `json:"message"`
	Path          string  `json:"path"`
	OperationName string  `json:"operationName"`
}

// parseErrorBody returns nil when the body is not an ErrorBody (1.8.0
// answers plain strings), leaving the plain APIError.
func parseErrorBody(apiErr *apiruntime.APIError) *Error {
	var eb errorBody
	if json.Unmarshal(apiErr.Body, &eb) != nil || eb.Message == nil {
		return nil
	}
	return &Error{
		Code:          eb.Code,
		Message:       *eb.Message,
		Path:          eb.Path,
		OperationName: eb.OperationName,
		Err:           apiErr,
	}
}

// TaskFailedError reports the first task WaitTasks saw fail, with the
// error_code and error_message the Task carries.
type TaskFailedError struct {
	TaskID       string
	Status       TaskStatus
	Description  string
	ErrorCode    string
	ErrorMessage string
}

func (e *TaskFailedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "task %s", e.TaskID)
	if e.Description != "" {
		fmt.Fprintf(&b, " (%s)", e.Description)
	}
	fmt.Fprintf(&b, ": %s", e.Status)
	if e.ErrorCode != "" {
		b.WriteString(": ")
		b.WriteString(e.ErrorCode)
	}
	if e.ErrorMessage != "" {
		b.WriteString(": ")
		b.WriteString(e.ErrorMessage)
	}
	return b.String()
}

// TaskTimeoutError is returned when tasks are still unfinished after the
// wait's timeout; IDs lists them in the order they were asked for.
type TaskTimeoutError struct {
	IDs     []string
	Timeout time.Duration
}

// Is makes errors.Is(err, apiruntime.ErrWaitTimeout) true, as for every
// family's wait.
func (e *TaskTimeoutError) Is(target error) bool { return target == apiruntime.ErrWaitTimeout }

func (e *TaskTimeoutError) Error() string {
	return fmt.Sprintf("tasks %s unfinished after %s", strings.Join(e.IDs, ", "), e.Timeout)
}

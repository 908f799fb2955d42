package qingcloud

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSleepCtx(t *testing.T) {
	if err := sleepCtx(context.Background(), time.Millisecond); err != nil {
		t.Errorf("sleep: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := sleepCtx(ctx, time.Hour); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("cancelled sleep: %v after %s", err, time.Since(start))
	}
}

// Real clock: a waiter cancelled mid-wait returns at once and its token
// goes back, so the next caller's wait is not lengthened.
func TestLimiterCancelGivesTokenBack(t *testing.T) {
	l := newLimiter(1, time.Hour, &clock{})
	if err := l.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	start := time.Now()
	if err := l.wait(ctx); !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Fatalf("wait: %v after %s", err, time.Since(start))
	}
	l.mu.Lock()
	tokens := l.tokens
	l.mu.Unlock()
	if tokens > 0.01 || tokens < -0.01 {
		t.Errorf("tokens = %v after the cancelled wait, want ~0", tokens)
	}
}

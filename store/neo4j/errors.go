package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/newsgraph/kg"
)

// wrap turns a driver error into a kg.Error with a user-safe message while
// keeping the driver's error in the chain for the log. It is applied once,
// where a store method leaves the driver.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var kerr *kg.Error
	if errors.As(err, &kerr) {
		return fmt.Errorf("neo4j %s: %w", op, err)
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("neo4j %s: %w", op, err)
	}
	code, msg := classify(err)
	return fmt.Errorf("neo4j %s: %w: %w", op, kg.Errorf(code, "%s", msg), err)
}

// classify picks the code for a driver error. Retries that ran out report
// the last failure, which is what decides whether the database was away.
func classify(err error) (code, msg string) {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		err = limit.Errors[len(limit.Errors)-1]
	}
	var (
		conn  *neo4j.ConnectivityError
		auth  *neo4j.InvalidAuthenticationError
		n4err *neo4j.Neo4jError
	)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return kg.ETIMEOUT, "the graph database did not answer in time"
	case errors.As(err, &conn):
		return kg.EUNAVAILABLE, "the graph database cannot be reached"
	case errors.As(err, &auth):
		return kg.EUNAVAILABLE, "the graph database refused the credentials"
	case errors.As(err, &n4err):
		return classifyCode(n4err.Code)
	}
	if limit != nil {
		return kg.EUNAVAILABLE, "the graph database kept failing"
	}
	return kg.EINTERNAL, "internal error"
}

// classifyCode maps Neo4j status codes (Neo.Classification.Category.Title).
func classifyCode(code string) (string, string) {
	switch {
	case strings.HasPrefix(code, "Neo.ClientError.Schema.ConstraintValidationFailed"):
		return kg.ECONFLICT, "the change conflicts with stored data"
	case strings.HasPrefix(code, "Neo.ClientError.Transaction.TransactionTimedOut"),
		strings.HasPrefix(code, "Neo.TransientError.Transaction.LockClientStopped"):
		return kg.ETIMEOUT, "the graph database did not answer in time"
	case strings.HasPrefix(code, "Neo.TransientError."),
		strings.HasPrefix(code, "Neo.ClientError.Security."),
		strings.HasPrefix(code, "Neo.ClientError.Database.DatabaseNotFound"),
		strings.HasPrefix(code, "Neo.ClientError.Cluster."):
		return kg.EUNAVAILABLE, "the graph database cannot serve requests"
	}
	return kg.EINTERNAL, "internal error"
}

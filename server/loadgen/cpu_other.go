//go:build !unix

package main

import "time"

// selfCPU is unknown here.
func selfCPU() time.Duration { return 0 }

// processCPU is unknown here.
func processCPU(int) time.Duration { return -1 }
